package coder.notifications.delivery;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.stream.JsonGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored payload of a message (SPEC section 7.1): built once at enqueue, stored as {@code jsonb}, read back
 * by the lease, rendered, and carried inside the webhook document. Its JSON names are the contract.
 *
 * <p>Its keys, and those of its labels, are written in the order PostgreSQL keeps a {@code jsonb} object in
 * (shorter keys first, then by their bytes), so the document a receiver gets is the one stored, byte for byte,
 * whether it was written from this record or read back from the column.
 */
@JsonbPropertyOrder({
    "data",
    "labels",
    "actions",
    "targets",
    "userId",
    "version",
    "userName",
    "userEmail",
    "userUsername",
    "notificationName",
    "notificationTemplateId"
})
public record Payload(
        @JsonbProperty("_version") String version,
        @JsonbProperty("notification_name") String notificationName,
        @JsonbProperty("notification_template_id") UUID notificationTemplateId,
        @JsonbProperty("user_id") UUID userId,
        @JsonbProperty("user_email") String userEmail,
        @JsonbProperty("user_name") String userName,
        @JsonbProperty("user_username") String userUsername,
        @JsonbProperty("actions") List<Action> actions,
        @JsonbProperty("labels") Map<String, String> labels,
        @JsonbProperty("data") JsonObject data,
        @JsonbProperty("targets") List<UUID> targets) {

    public static final String VERSION = "1.1";

    public Payload {
        labels = labels == null ? null : inJsonbOrder(labels);
    }

    /** jsonb's order of object keys: by length in bytes, then bytewise. */
    static final Comparator<String> JSONB_KEY_ORDER = Comparator.<String>comparingInt(
                    key -> key.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing(key -> key.getBytes(StandardCharsets.UTF_8), (a, b) -> Arrays.compareUnsigned(a, b));

    private static Map<String, String> inJsonbOrder(Map<String, String> labels) {
        var ordered = new LinkedHashMap<String, String>();
        labels.keySet().stream().sorted(JSONB_KEY_ORDER).forEach(key -> ordered.put(key, labels.get(key)));
        return Collections.unmodifiableMap(ordered);
    }

    /** JSON-B instances are thread-safe and costly to build: one for every payload. */
    private static final Jsonb JSON = JsonbBuilder.create();

    public String toJson() {
        return JSON.toJson(this);
    }

    /**
     * Reads a stored payload. By hand over JSON-P rather than by JSON-B: every leased message is read once, and
     * JSON-B's reflective binding was a tenth of a webhook delivery's CPU. Absent members and JSON nulls are null,
     * as JSON-B makes them; PayloadTest holds the two readers together.
     */
    public static Payload fromJson(String json) {
        JsonObject object;
        try (var reader = READERS.createReader(new java.io.StringReader(json))) {
            object = reader.readObject();
        }
        return new Payload(
                text(object, "_version"),
                text(object, "notification_name"),
                uuid(object, "notification_template_id"),
                uuid(object, "user_id"),
                text(object, "user_email"),
                text(object, "user_name"),
                text(object, "user_username"),
                array(object, "actions")
                        .map(values -> values.stream()
                                .map(JsonValue::asJsonObject)
                                .map(action -> new Action(text(action, "label"), text(action, "url")))
                                .toList())
                        .orElse(null),
                member(object, "labels").map(Payload::labelsOf).orElse(null),
                member(object, "data").map(JsonValue::asJsonObject).orElse(null),
                array(object, "targets")
                        .map(values -> values.stream()
                                .map(value -> UUID.fromString(((JsonString) value).getString()))
                                .toList())
                        .orElse(null));
    }

    private static Optional<JsonValue> member(JsonObject object, String name) {
        var value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                ? Optional.empty()
                : Optional.of(value);
    }

    private static String text(JsonObject object, String name) {
        return member(object, name).map(Payload::textOf).orElse(null);
    }

    private static UUID uuid(JsonObject object, String name) {
        return member(object, name).map(value -> UUID.fromString(textOf(value))).orElse(null);
    }

    private static Optional<JsonArray> array(JsonObject object, String name) {
        return member(object, name).map(JsonValue::asJsonArray);
    }

    private static String textOf(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static Map<String, String> labelsOf(JsonValue value) {
        var labels = new LinkedHashMap<String, String>();
        value.asJsonObject().forEach((key, label) -> labels.put(key, textOf(label)));
        return labels;
    }

    /**
     * Writes the payload's members into the object the generator has open, exactly as {@link #toJson} would
     * (same names, order and omitted nulls; PayloadTest holds the two together), so that a document embedding the
     * payload is written in one pass, without a JSON-B round trip per message.
     */
    public void writeMembers(JsonGenerator json) {
        if (data != null) {
            json.write("data", data);
        }
        if (labels != null) {
            json.writeStartObject("labels");
            labels.forEach(json::write);
            json.writeEnd();
        }
        if (actions != null) {
            json.writeStartArray("actions");
            for (var action : actions) {
                json.writeStartObject();
                optional(json, "url", action.url());
                optional(json, "label", action.label());
                json.writeEnd();
            }
            json.writeEnd();
        }
        if (targets != null) {
            json.writeStartArray("targets");
            targets.forEach(target -> json.write(target.toString()));
            json.writeEnd();
        }
        optional(json, "user_id", userId);
        optional(json, "_version", version);
        optional(json, "user_name", userName);
        optional(json, "user_email", userEmail);
        optional(json, "user_username", userUsername);
        optional(json, "notification_name", notificationName);
        optional(json, "notification_template_id", notificationTemplateId);
    }

    private static void optional(JsonGenerator json, String name, Object value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }

    /** Made once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(Map.of());

    /** The payload as a JSON object, to embed in another document. */
    public JsonObject toJsonObject() {
        try (var reader = READERS.createReader(new java.io.StringReader(toJson()))) {
            return reader.readObject();
        }
    }
}
