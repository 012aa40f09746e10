package coder.notifications.templates;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.config.Method;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/** The body of {@code PUT /templates/{id}/method}: "smtp", "webhook", "inbox" (the inbox only), or "" for the deployment default. */
public record MethodRequest(Optional<Method> method) {

    public static MethodRequest from(JsonObject body) {
        if (!(body.get("method") instanceof JsonString text)
                || !(text.getString().isEmpty()
                        || Method.named(text.getString()).isPresent())) {
            throw InvalidRequestException.field(
                    "method", "must be \"smtp\", \"webhook\", \"inbox\" or \"\" (the deployment default)");
        }
        return new MethodRequest(Method.named(text.getString()));
    }
}
