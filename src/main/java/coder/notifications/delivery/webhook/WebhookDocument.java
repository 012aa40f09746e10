package coder.notifications.delivery.webhook;

import coder.notifications.delivery.Notification;
import jakarta.json.Json;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Map;

/** The webhook body (SPEC 7.2): every key of Coder's documented 1.0 example keeps its meaning. */
public final class WebhookDocument {

    /** Found once: {@code Json.createGenerator} looks the JSON-P provider up on every call. */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private WebhookDocument() {}

    public static String of(Notification notification) {
        var out = new StringWriter(2048);
        try (var json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("_version", "1.1")
                    .write("msg_id", notification.messageId().toString())
                    .writeStartObject("payload");
            notification.payload().writeMembers(json);
            // The signed one-click unsubscribe link of SPEC 11, added at delivery: it expires, the stored payload
            // does not.
            json.write("unsubscribe_url", notification.unsubscribeUrl())
                    .writeEnd()
                    .write("title", notification.title())
                    .write("title_markdown", notification.titleMarkdown())
                    .write("body", notification.body())
                    .write("body_markdown", notification.bodyMarkdown())
                    .writeEnd();
        }
        return out.toString();
    }
}
