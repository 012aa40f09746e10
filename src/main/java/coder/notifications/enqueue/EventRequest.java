package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonFields;
import coder.notifications.api.JsonLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One reported event, validated field by field: {@code template} (id or name), {@code user_id},
 * {@code initiator_id}, {@code recipients}, {@code labels} (strings only), {@code data}, {@code targets},
 * {@code created_by}. Sizes are bounded: at most 100 labels of 8192 characters, 64 KiB of data, 1000 recipients,
 * 100 targets, 255 characters of template name and of {@code created_by}.
 */
public record EventRequest(
        String template,
        Optional<UUID> userId,
        Optional<UUID> initiatorId,
        Optional<List<UUID>> recipients,
        Map<String, String> labels,
        JsonObject data,
        List<UUID> targets,
        String createdBy) {

    static final int MAX_LABELS = 100;
    static final int MAX_LABEL_NAME = 128;
    static final int MAX_LABEL_VALUE = 8192;
    static final int MAX_DATA = 65536;
    static final int MAX_TEXT = 255;
    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_TARGETS = 100;

    /** The events of a batch body {@code {"events": [...]}}, at most {@value Enqueuer#MAX_BATCH}; each is checked later. */
    public static List<jakarta.json.JsonValue> batchOf(JsonObject body) {
        var events = body.get("events");
        if (events == null || events.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
            throw InvalidRequestException.field("events", "is required: an array of events");
        }
        if (events.asJsonArray().size() > Enqueuer.MAX_BATCH) {
            throw InvalidRequestException.field(
                    "events",
                    "holds " + events.asJsonArray().size() + " events; a batch holds at most " + Enqueuer.MAX_BATCH);
        }
        return events.asJsonArray();
    }

    /** An event of the service's own, to one user (test and custom notifications). */
    public static EventRequest toUser(String template, UUID user, Map<String, String> labels, String createdBy) {
        return new EventRequest(
                template,
                Optional.of(user),
                Optional.empty(),
                Optional.empty(),
                labels,
                JsonValue.EMPTY_JSON_OBJECT,
                List.of(),
                createdBy);
    }

    public static EventRequest from(JsonObject body) {
        var problems = new ArrayList<ApiError.Validation>();
        var fields = new JsonFields(body, "", problems);
        var template = fields.requiredString("template").orElse("");
        if (template.length() > MAX_TEXT) {
            fields.problem(
                    "template",
                    "is " + template.length() + " characters long; a template name has at most " + MAX_TEXT);
        }
        var userId = fields.uuid("user_id");
        var initiatorId = fields.uuid("initiator_id");
        Optional<List<UUID>> recipients = body.containsKey("recipients") && !body.isNull("recipients")
                ? Optional.of(fields.uuids("recipients"))
                : Optional.empty();
        if (recipients.isPresent() && recipients.get().isEmpty() && problems.isEmpty()) {
            fields.problem("recipients", "must name at least one user when given");
        }
        if (recipients.isPresent() && recipients.get().size() > MAX_RECIPIENTS) {
            fields.problem(
                    "recipients",
                    "names " + recipients.get().size() + " users; at most " + MAX_RECIPIENTS + " are allowed");
        }
        var labels = fields.stringMap("labels");
        if (labels.size() > MAX_LABELS) {
            fields.problem("labels", "has " + labels.size() + " labels; at most " + MAX_LABELS + " are allowed");
        }
        labels.forEach((key, value) -> {
            if (key.isBlank() || key.length() > MAX_LABEL_NAME) {
                fields.problem(
                        "labels",
                        "label names must be 1 to " + MAX_LABEL_NAME + " characters: \""
                                + key.substring(0, Math.min(key.length(), 40)) + "\"");
            } else if (value.length() > MAX_LABEL_VALUE) {
                fields.problem(
                        "labels." + key,
                        "is " + value.length() + " characters long; at most " + MAX_LABEL_VALUE + " are allowed");
            }
        });
        var data = fields.object("data").orElse(JsonValue.EMPTY_JSON_OBJECT);
        // Measured as stored (numbers written out in full), not as sent: 1e400 takes 401 characters in jsonb.
        if (JsonLimits.storedLength(data) > MAX_DATA) {
            fields.problem("data", "is larger than " + MAX_DATA + " characters of JSON as stored");
        }
        var targets = fields.uuids("targets");
        if (targets.size() > MAX_TARGETS) {
            fields.problem("targets", "names " + targets.size() + " targets; at most " + MAX_TARGETS + " are allowed");
        }
        var createdBy =
                fields.string("created_by").filter(text -> !text.isBlank()).orElse("api");
        if (createdBy.length() > MAX_TEXT) {
            fields.problem(
                    "created_by",
                    "is " + createdBy.length() + " characters long; at most " + MAX_TEXT + " are allowed");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid event.", problems);
        }
        return new EventRequest(template, userId, initiatorId, recipients, labels, data, targets, createdBy);
    }
}
