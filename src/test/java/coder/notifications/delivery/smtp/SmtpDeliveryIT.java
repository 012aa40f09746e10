package coder.notifications.delivery.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.EmailSettings;
import coder.notifications.config.SettingSource;
import coder.notifications.delivery.Action;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Payload;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;

/** The SMTP transport against a real SMTP server, for every TLS and AUTH combination the settings allow. */
class SmtpDeliveryIT {

    static TestTls tls;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @BeforeAll
    static void certificates() throws Exception {
        tls = new TestTls(Path.of(System.getProperty("service.work", "target/it"), "tls"));
    }

    static SmtpDeliverer deliverer(String... variablesAndValues) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CODER_EMAIL_FROM", "Coder Notifications <notifications@example.com>");
        for (int i = 0; i < variablesAndValues.length; i += 2) {
            environment.put(variablesAndValues[i], variablesAndValues[i + 1]);
        }
        var settings = EmailSettings.from(new SettingSource(
                property -> Optional.ofNullable(environment.get(SettingSource.variableOf(property)))));
        return new SmtpDeliverer(settings, TIMEOUT, Clock.systemUTC());
    }

    static Notification notification(String title) {
        var payload = new Payload(
                Payload.VERSION,
                "Workspace Deleted",
                UUID.fromString("f517da0b-cdc9-410f-ab89-a86107c420ed"),
                UUID.randomUUID(),
                "danny@example.com",
                "Danny",
                "danny",
                List.of(new Action("View workspaces", "https://coder.example.com/workspaces")),
                Map.of(),
                Json.createObjectBuilder().build(),
                List.of());
        return new Notification(
                UUID.randomUUID(),
                payload,
                title,
                title,
                "Hi Danny\n\nYour workspace **w** was deleted.",
                "Hi Danny\n\nYour workspace w was deleted.",
                "<p>Hi Danny</p>\n<p>Your workspace <strong>w</strong> was deleted.</p>\n",
                "https://coder.example.com/settings/notifications",
                "https://coder.example.com/notifications/unsubscribe?token=test-token");
    }

    static DeliveryOutcome send(SmtpDeliverer deliverer, Notification notification) {
        return deliverer.deliver(notification, TIMEOUT);
    }

    @Test
    void startTlsWithAuthDeliversAMultipartEmail() throws Exception {
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var notification = notification("Workspace \"w\" deleted");
            var outcome = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString(),
                            "CODER_EMAIL_AUTH_USERNAME",
                            TestRelay.USER,
                            "CODER_EMAIL_AUTH_PASSWORD",
                            TestRelay.PASSWORD),
                    notification);
            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            var mail = relay.received.get(0);
            assertEquals("Workspace \"w\" deleted", mail.getSubject());
            assertEquals("Coder Notifications <notifications@example.com>", mail.getFrom()[0].toString());
            assertEquals("<" + notification.messageId() + "@example.com>", mail.getMessageID());
            assertTrue(mail.getHeader("Date") != null);
            var parts = (MimeMultipart) mail.getContent();
            assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
            assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
            assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
            var text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
            assertTrue(text.startsWith("Hi Danny,\n\nYour workspace w was deleted."), text);
            assertTrue(text.contains("View workspaces: https://coder.example.com/workspaces"), text);
            assertTrue(text.contains("https://coder.example.com/settings/notifications"), text);
            assertTrue(text.contains("Stop receiving emails like this: " + notification.unsubscribeUrl()), text);
            assertEquals("<" + notification.unsubscribeUrl() + ">", mail.getHeader("List-Unsubscribe", null));
            assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
            var html = (String) parts.getBodyPart(1).getContent();
            assertTrue(
                    html.contains("<p>Hi Danny,</p>") && html.contains("href=\"https://coder.example.com/workspaces\""),
                    html);
        }
    }

    @Test
    void theLegacyUsernameAliasAndThePasswordFileWork() throws Exception {
        var passwordFile = java.nio.file.Files.writeString(tls.folder.resolve("password"), TestRelay.PASSWORD + "\n");
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var outcome = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString(),
                            "CODER_NOTIFICATIONS_EMAIL_AUTH_USERNAME",
                            TestRelay.USER,
                            "CODER_EMAIL_AUTH_PASSWORD",
                            "wrong-but-the-file-wins",
                            "CODER_EMAIL_AUTH_PASSWORD_FILE",
                            passwordFile.toString()),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
        }
    }

    @Test
    void aServerListingCramMd5FirstStillGetsPlainOrLogin() throws Exception {
        try (var relay = TestRelay.craMd5First(tls.serverContext("relay", null))) {
            var outcome = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString(),
                            "CODER_EMAIL_AUTH_USERNAME",
                            TestRelay.USER,
                            "CODER_EMAIL_AUTH_PASSWORD",
                            TestRelay.PASSWORD),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
        }
    }

    @Test
    void implicitTlsDelivers() throws Exception {
        try (var relay = TestRelay.implicitTls(tls.serverContext("relay", null))) {
            var outcome = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_FORCE_TLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString()),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            assertEquals(1, relay.received.size());
        }
    }

    @Test
    void aClientCertificateIsPresented() throws Exception {
        try (var relay = TestRelay.startTlsWithClientCertificate(tls.serverContext("relay", "client"))) {
            var withCertificate = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString(),
                            "CODER_EMAIL_TLS_CERTFILE",
                            tls.certificatePem("client").toString(),
                            "CODER_EMAIL_TLS_CERTKEYFILE",
                            tls.keyPem("client").toString()),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, withCertificate, withCertificate.toString());
            var without = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString()),
                    notification("t"));
            assertFalse(without instanceof DeliveryOutcome.Delivered, without.toString());
        }
    }

    @Test
    void anUntrustedCertificateFailsUnlessVerificationIsSkipped() throws Exception {
        try (var relay = TestRelay.startTls(tls.serverContext("stranger", null), true)) {
            var auth = new String[] {
                "CODER_EMAIL_AUTH_USERNAME", TestRelay.USER, "CODER_EMAIL_AUTH_PASSWORD", TestRelay.PASSWORD
            };
            var verified = send(
                    deliverer(concat(
                            auth,
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString())),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Retryable.class, verified, verified.toString());
            var skipped = send(
                    deliverer(concat(
                            auth,
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_SKIPVERIFY",
                            "true")),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, skipped, skipped.toString());
        }
    }

    @Test
    void theServerNameSettingIsCheckedAgainstTheCertificate() throws Exception {
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var auth = new String[] {
                "CODER_EMAIL_AUTH_USERNAME",
                TestRelay.USER,
                "CODER_EMAIL_AUTH_PASSWORD",
                TestRelay.PASSWORD,
                "CODER_EMAIL_TLS_STARTTLS",
                "true",
                "CODER_EMAIL_TLS_CACERTFILE",
                tls.certificatePem("relay").toString(),
                "CODER_EMAIL_SMARTHOST",
                "127.0.0.1:" + relay.smarthost().split(":")[1]
            };
            var matching = send(deliverer(concat(auth, "CODER_EMAIL_TLS_SERVERNAME", "localhost")), notification("t"));
            assertInstanceOf(DeliveryOutcome.Delivered.class, matching, matching.toString());
            var other =
                    send(deliverer(concat(auth, "CODER_EMAIL_TLS_SERVERNAME", "mail.example.com")), notification("t"));
            assertFalse(other instanceof DeliveryOutcome.Delivered, other.toString());
        }
    }

    @Test
    void startTlsThatTheServerDoesNotOfferIsAPermanentFailureNotAPlainTextSend() throws Exception {
        try (var relay = TestRelay.plain()) {
            var outcome = send(
                    deliverer("CODER_EMAIL_SMARTHOST", relay.smarthost(), "CODER_EMAIL_TLS_STARTTLS", "true"),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Permanent.class, outcome, outcome.toString());
            assertEquals(0, relay.received.size());
        }
    }

    @Test
    void aWrongPasswordIsPermanentAndNeverShown() throws Exception {
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var outcome = send(
                    deliverer(
                            "CODER_EMAIL_SMARTHOST",
                            relay.smarthost(),
                            "CODER_EMAIL_TLS_STARTTLS",
                            "true",
                            "CODER_EMAIL_TLS_CACERTFILE",
                            tls.certificatePem("relay").toString(),
                            "CODER_EMAIL_AUTH_USERNAME",
                            TestRelay.USER,
                            "CODER_EMAIL_AUTH_PASSWORD",
                            "hunter2-wrong"),
                    notification("t"));
            assertInstanceOf(DeliveryOutcome.Permanent.class, outcome, outcome.toString());
            assertFalse(outcome.toString().contains("hunter2-wrong"), outcome.toString());
        }
    }

    @Test
    void aTemporaryRejectionIsRetryableAndAPermanentOneIsNot() throws Exception {
        try (var relay = TestRelay.plain()) {
            var deliverer = deliverer("CODER_EMAIL_SMARTHOST", relay.smarthost());
            relay.reject = new RejectException(451, "4.3.0 mailbox busy, try later");
            var temporary = send(deliverer, notification("t"));
            assertInstanceOf(DeliveryOutcome.Retryable.class, temporary, temporary.toString());
            assertTrue(temporary.toString().contains("451"), temporary.toString());
            relay.reject = new RejectException(550, "5.1.1 no such user");
            var permanent = send(deliverer, notification("t"));
            assertInstanceOf(DeliveryOutcome.Permanent.class, permanent, permanent.toString());
            assertTrue(permanent.toString().contains("550"), permanent.toString());
        }
    }

    @Test
    void aNonAsciiSubjectIsEncodedAndLineBreaksCannotAddHeaders() throws Exception {
        try (var relay = TestRelay.plain()) {
            var deliverer = deliverer("CODER_EMAIL_SMARTHOST", relay.smarthost());
            send(deliverer, notification("Arbeitsbereich „Übung“ gelöscht"));
            send(deliverer, notification("Innocent\r\nBcc: victim@example.com"));
            MimeMessage unicode = relay.received.get(0);
            assertEquals("Arbeitsbereich „Übung“ gelöscht", unicode.getSubject());
            assertTrue(unicode.getHeader("Subject")[0].startsWith("=?UTF-8?"), unicode.getHeader("Subject")[0]);
            MimeMessage injected = relay.received.get(1);
            assertEquals(null, injected.getHeader("Bcc"));
            assertEquals("Innocent Bcc: victim@example.com", injected.getSubject());
        }
    }

    @Test
    void aBatchReusesOneConnection() throws Exception {
        try (var relay = TestRelay.startTls(tls.serverContext("relay", null), true)) {
            var settings = new String[] {
                "CODER_EMAIL_SMARTHOST",
                relay.smarthost(),
                "CODER_EMAIL_TLS_STARTTLS",
                "true",
                "CODER_EMAIL_TLS_CACERTFILE",
                tls.certificatePem("relay").toString(),
                "CODER_EMAIL_AUTH_USERNAME",
                TestRelay.USER,
                "CODER_EMAIL_AUTH_PASSWORD",
                TestRelay.PASSWORD
            };
            var deliverer = deliverer(settings);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertInstanceOf(DeliveryOutcome.Delivered.class, send(deliverer, notification("n" + i)));
            }
            long reused = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, relay.sessions.size(), "sessions used: " + relay.sessions.size());
            start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                send(deliverer(settings), notification("fresh" + i));
            }
            long fresh = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "20 emails with STARTTLS and AUTH: %d ms over one reused connection, %d ms connecting for each%n",
                    reused, fresh);
        }
    }

    @Test
    void aMissingSenderIsPermanent() {
        var noSender = new SmtpDeliverer(
                EmailSettings.from(new SettingSource(property -> Optional.empty())), TIMEOUT, Clock.systemUTC());
        assertInstanceOf(DeliveryOutcome.Permanent.class, send(noSender, notification("t")));
    }

    private static String[] concat(String[] first, String... second) {
        var all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
