package coder.notifications.pages;

import coder.notifications.delivery.Notification;
import coder.notifications.delivery.smtp.EmailBody;
import coder.notifications.delivery.webhook.WebhookDocument;
import jakarta.json.Json;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * What a rendered notification looks like to its recipient, as the console shows it: the email's subject and plain
 * text (its HTML is served framed, see {@link RenderedEmail}), the webhook document, the inbox item's title and
 * content. Made by the transports' own code, so the console shows what they send.
 */
public record RenderedParts(
        String subject, String text, String webhookDocument, String inboxTitle, String inboxContent) {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    static RenderedParts of(Notification notification) {
        return new RenderedParts(
                notification.title(),
                EmailBody.text(notification),
                pretty(WebhookDocument.of(notification)),
                notification.titleMarkdown(),
                notification.bodyMarkdown());
    }

    /** A JSON document indented for reading; the text itself when it is not JSON. */
    static String pretty(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            var out = new StringWriter();
            try (var writer = PRETTY.createWriter(out)) {
                writer.write(reader.readValue());
            }
            return out.toString().strip();
        } catch (RuntimeException e) {
            return json;
        }
    }
}
