package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonFields;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One reported event, validated field by field: {@code template} (id or name), {@code user_id},
 * {@code initiator_id}, {@code recipients}, {@code labels} (strings only), {@code data}, {@code targets},
 * {@code created_by}.
 */
public record EventRequest(String template, Optional<UUID> userId, Optional<UUID> initiatorId,
                           Optional<List<UUID>> recipients, Map<String, String> labels, JsonObject data,
                           List<UUID> targets, String createdBy) {

    public static EventRequest from(JsonObject body) {
        var problems = new ArrayList<ApiError.Validation>();
        var fields = new JsonFields(body, "", problems);
        var template = fields.requiredString("template").orElse("");
        var userId = fields.uuid("user_id");
        var initiatorId = fields.uuid("initiator_id");
        Optional<List<UUID>> recipients = body.containsKey("recipients") && !body.isNull("recipients")
                ? Optional.of(fields.uuids("recipients")) : Optional.empty();
        if (recipients.isPresent() && recipients.get().isEmpty() && problems.isEmpty()) {
            fields.problem("recipients", "must name at least one user when given");
        }
        var labels = fields.stringMap("labels");
        var data = fields.object("data").orElse(Json.createObjectBuilder().build());
        var targets = fields.uuids("targets");
        var createdBy = fields.string("created_by").filter(text -> !text.isBlank()).orElse("api");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid event.", problems);
        }
        return new EventRequest(template, userId, initiatorId, recipients, labels, data, targets, createdBy);
    }
}
