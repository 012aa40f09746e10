package coder.notifications.delivery;

import java.util.UUID;

/**
 * One rendered message, ready for any delivery method: the stored payload (SPEC 7.1), the title and the body
 * in Markdown and plain text (the body greets the recipient), the body as HTML, and the two links to this
 * service's own pages: the recipient's notification settings and the signed one-click unsubscribe.
 */
public record Notification(
        UUID messageId,
        Payload payload,
        String titleMarkdown,
        String title,
        String bodyMarkdown,
        String body,
        String bodyHtml,
        String settingsUrl,
        String unsubscribeUrl) {

    public String recipientEmail() {
        return payload.userEmail() == null ? "" : payload.userEmail();
    }

    public String recipientName() {
        return payload.userName() == null ? "" : payload.userName();
    }
}
