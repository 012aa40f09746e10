package coder.notifications.delivery;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static Payload fromJson(String json) {
        return JSON.fromJson(json, Payload.class);
    }

    /** The payload as a JSON object, to embed in another document. */
    public JsonObject toJsonObject() {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(toJson()))) {
            return reader.readObject();
        }
    }
}
