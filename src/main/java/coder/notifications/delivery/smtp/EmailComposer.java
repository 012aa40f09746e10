package coder.notifications.delivery.smtp;

import coder.notifications.delivery.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;

/**
 * The email of one notification: {@code multipart/alternative}, plain text first and HTML second, UTF-8; the
 * subject on one line (no value may add a header) and RFC 2047-encoded when not ASCII; a Message-ID derived from the message id, so a retry carries the same;
 * the RFC 8058 one-click unsubscribe headers.
 */
final class EmailComposer {

    private EmailComposer() {}

    static MimeMessage compose(Session session, InternetAddress from, Notification notification, Instant now)
            throws MessagingException {
        var to = new InternetAddress(notification.recipientEmail(), true);
        var messageId = "<" + notification.messageId() + "@" + domainOf(from) + ">";
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject(oneLine(notification.title()), "UTF-8");
        message.setSentDate(Date.from(now));
        // RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to the signed link.
        message.setHeader("List-Unsubscribe", "<" + notification.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var parts = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(EmailBody.text(notification), "UTF-8", "plain");
        var html = new MimeBodyPart();
        html.setText(EmailBody.html(notification), "UTF-8", "html");
        parts.addBodyPart(text);
        parts.addBodyPart(html);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    /** The subject on one line: every kind of line break becomes a space, so no value can start a header. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private static String domainOf(InternetAddress from) {
        var address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }
}
