package coder.notifications.delivery.smtp;

import coder.notifications.config.EmailSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/** The Jakarta Mail session for the configured relay: every {@code CODER_EMAIL_*} setting as a mail property. */
final class MailSession {

    private MailSession() {}

    static Session of(EmailSettings email, Duration timeout) {
        var properties = new Properties();
        var millis = Long.toString(
                coder.notifications.delivery.Deliverer.socketTimeout(timeout).toMillis());
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", email.host());
        properties.put("mail.smtp.port", Integer.toString(email.port()));
        properties.put("mail.smtp.localhost", email.hello());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.quitwait", "false");
        var tls = email.tls();
        var sockets = new VerifyingSockets(PemTls.context(tls).getSocketFactory(), tls.serverName(), !tls.skipVerify());
        if (email.implicitTls()) {
            properties.put("mail.smtp.ssl.enable", "true");
        } else if (tls.startTls()) {
            // Required, never opportunistic: without STARTTLS the send fails rather than going out in clear text.
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        // Host names are checked in the handshake by the socket factory, against CODER_EMAIL_TLS_SERVERNAME if set.
        properties.put("mail.smtp.ssl.socketFactory", sockets);
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        if (email.authUsername().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            // Only the mechanisms the settings describe, whatever else the server lists first (e.g. CRAM-MD5).
            properties.put("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
            email.authIdentity().ifPresent(identity -> properties.put("mail.smtp.sasl.authorizationid", identity));
        }
        return Session.getInstance(
                properties,
                email.authUsername().isEmpty()
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(
                                        email.authUsername().get(),
                                        email.authPassword().orElse(""));
                            }
                        });
    }
}
