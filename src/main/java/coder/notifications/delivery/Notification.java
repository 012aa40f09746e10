package coder.notifications.delivery;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * One rendered message, ready for any delivery method: the stored payload (SPEC 7.1), the title and the body
 * in Markdown and plain text (the body greets the recipient), and the body as HTML.
 */
public record Notification(UUID messageId, JsonObject payload, String titleMarkdown, String title,
                           String bodyMarkdown, String body, String bodyHtml) {

    public String recipientEmail() {
        return payload.getString("user_email", "");
    }

    public String recipientName() {
        return payload.getString("user_name", "");
    }
}
