package coder.notifications.delivery.webhook;

import coder.notifications.delivery.Notification;
import jakarta.json.Json;

/** The webhook body (SPEC 7.2): every key of Coder's documented 1.0 example keeps its meaning. */
final class WebhookDocument {

    private WebhookDocument() {}

    static String of(Notification notification) {
        return Json.createObjectBuilder()
                .add("_version", "1.1")
                .add("msg_id", notification.messageId().toString())
                // The signed one-click unsubscribe link of SPEC 11, added at delivery: it expires, the stored payload
                // does not.
                .add(
                        "payload",
                        Json.createObjectBuilder(notification.payload().toJsonObject())
                                .add("unsubscribe_url", notification.unsubscribeUrl()))
                .add("title", notification.title())
                .add("title_markdown", notification.titleMarkdown())
                .add("body", notification.body())
                .add("body_markdown", notification.bodyMarkdown())
                .build()
                .toString();
    }
}
