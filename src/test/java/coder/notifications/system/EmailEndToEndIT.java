package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.delivery.smtp.TestRelay;
import coder.notifications.delivery.smtp.TestTls;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event reported over the API arrives as a correct email through a relay with STARTTLS and AUTH. */
class EmailEndToEndIT {

    @Test
    void anEventArrivesAsAnEmail() throws Exception {
        var tls = new TestTls(ServiceProcess.WORK.resolve("tls"));
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var settings = new HashMap<>(SharedService.SETTINGS);
            settings.put("CODER_NOTIFICATIONS_METHOD", "smtp");
            settings.put("CODER_EMAIL_FROM", "Coder <notifications@example.com>");
            settings.put("CODER_EMAIL_SMARTHOST", relay.smarthost());
            settings.put("CODER_EMAIL_TLS_STARTTLS", "true");
            settings.put(
                    "CODER_EMAIL_TLS_CACERTFILE", tls.certificatePem("relay").toString());
            settings.put("CODER_EMAIL_AUTH_USERNAME", TestRelay.USER);
            settings.put("CODER_EMAIL_AUTH_PASSWORD", TestRelay.PASSWORD);
            // A database of its own: the shared service would lease these messages and post them as webhooks.
            SharedService.get();
            var database = "email_" + System.nanoTime();
            try (var admin = TestDatabase.connect();
                    var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            settings.put(
                    "CODER_PG_CONNECTION_URL",
                    "postgres://postgres@127.0.0.1:" + TestDatabase.port(ServiceProcess.WORK.resolve("cache")) + "/"
                            + database + "?sslmode=disable");
            try (var service = ServiceProcess.start("email", settings)) {
                var api = new Api(service);
                var user = UUID.randomUUID();
                api.request()
                        .body(Map.of(
                                "username",
                                "mail-" + user.toString().substring(0, 6),
                                "name",
                                "Danny Mailer",
                                "email",
                                "danny.mailer@example.com",
                                "roles",
                                List.of("member")))
                        .put("/users/" + user)
                        .then()
                        .statusCode(200);
                var id = api.event(Map.of(
                                "template",
                                "Workspace Deleted",
                                "user_id",
                                user.toString(),
                                "labels",
                                Map.of("name", "my-workspace", "reason", "initiated by user", "initiator", "danny")))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("messages[0].id")
                        .toString();
                var message = api.awaitStatus(id, "sent", Duration.ofSeconds(30));
                assertEquals("smtp", message.get("method"));
                var mail = relay.received.stream()
                        .filter(m -> {
                            try {
                                return m.getMessageID().startsWith("<" + id + "@");
                            } catch (jakarta.mail.MessagingException e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElseThrow();
                assertEquals("Workspace \"my-workspace\" deleted", mail.getSubject());
                assertEquals("danny.mailer@example.com", mail.getAllRecipients()[0].toString());
                var text = ((String) ((MimeMultipart) mail.getContent())
                                .getBodyPart(0)
                                .getContent())
                        .replace("\r\n", "\n");
                assertTrue(text.startsWith("Hi Danny Mailer,\n\nYour workspace my-workspace was deleted."), text);
                assertTrue(text.contains("View workspaces: https://coder.example.com/workspaces"), text);
            }
        }
    }
}
