package coder.notifications.client;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/** The API's one error shape: {@code {"message", "detail", "validations": [{"field", "detail"}]}}. */
public record Problem(String message, String detail, List<Validation> validations) {

    public record Validation(String field, String detail) {}

    /** The error a refused call answered. */
    public static Problem of(WebApplicationException refused) {
        return refused.getResponse().readEntity(Problem.class);
    }

    /** The fields the refusal names. */
    public List<String> fields() {
        return validations == null
                ? List.of()
                : validations.stream().map(Validation::field).toList();
    }
}
