package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One-click unsubscribe from a real email: the link of the email the suite's relay received opens in a real
 * browser, asks, and on confirmation turns the template off and inhibits what was still queued.
 */
class UnsubscribeIT {

    static final String ACCOUNT_ACTIVATED = "1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4";

    private final Api api = new Api(SharedService.get());

    @Test
    void theEmailsUnsubscribeLinkAsksThenTurnsTheTemplateOffAndInhibitsQueuedMessages() throws Exception {
        var user = api.user("Una Subscribe", "member");
        var mail = emailTo(user);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        var link = unsubscribeLink(mail);
        var text = ((String) ((jakarta.mail.internet.MimeMultipart) mail.getContent())
                .getBodyPart(0)
                .getContent());
        assertTrue(text.contains("Stop receiving emails like this: " + link), text);
        assertTrue(
                text.contains(
                        "Manage your notification settings: " + SharedService.PUBLIC_URL + "/settings/notifications"),
                text);

        String queued;
        api.pause(true);
        try {
            queued = api.event(Map.of(
                            "template",
                            "Your account has been activated",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("activated_account_name", "una", "initiator", "second")))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("messages[0].id")
                    .toString();
            try (var browser = new Browser()) {
                browser.open(link);
                browser.find("#confirm-unsubscribe");
                assertTrue(
                        browser.text().contains("Stop receiving “Your account has been activated”?"), browser.text());
                browser.screenshot("unsubscribe", 1280);
                browser.screenshot("unsubscribe-phone", 390);
                assertEquals(null, disabled(user), "opening the link changes nothing");
                browser.find("#confirm-unsubscribe").click();
                browser.find("#unsubscribed");
                browser.screenshot("unsubscribed", 1280);
            }
            assertEquals(true, disabled(user));
            assertEquals("inhibited", api.message(queued).get("status"), "the message still queued is not sent");
        } finally {
            api.pause(false);
        }
    }

    @Test
    void aMailClientsOneClickPostUnsubscribes() throws Exception {
        var user = api.user("Otto Oneclick", "member");
        var link = unsubscribeLink(emailTo(user));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, disabled(user));
    }

    @Test
    void aTamperedOrForeignTokenGets400AndChangesNothing() throws Exception {
        var user = api.user("Tom Tamper", "member");
        var link = unsubscribeLink(emailTo(user));
        var token = link.substring(link.indexOf("token=") + 6);
        var flipped = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        for (var bad : List.of(
                flipped,
                token.substring(0, token.length() - 2),
                "",
                "x.y",
                token + "A",
                token.substring(0, token.indexOf('.') + 1) + "AAAA")) {
            var url = SharedService.PUBLIC_URL + "/notifications/unsubscribe?token=" + bad;
            assertEquals(400, send(HttpRequest.newBuilder(URI.create(url)).GET()), bad);
            assertEquals(
                    400,
                    send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))),
                    bad);
        }
        assertEquals(null, disabled(user), "no bad token changed anything");
        try (var browser = new Browser()) {
            browser.open(SharedService.PUBLIC_URL + "/notifications/unsubscribe?token=" + flipped);
            browser.awaitText("This unsubscribe link is not valid");
            browser.screenshot("unsubscribe-invalid", 1280);
        }
    }

    /** Sends the user a "Your account has been activated" email through the suite's relay, and answers it. */
    private MimeMessage emailTo(UUID user) throws Exception {
        api.request().body(Map.of("method", "smtp")).put("/notifications/templates/" + ACCOUNT_ACTIVATED + "/method");
        String id;
        try {
            id = api.event(Map.of(
                            "template",
                            "Your account has been activated",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("activated_account_name", "una", "initiator", "first")))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("messages[0].id")
                    .toString();
        } finally {
            api.request().body(Map.of("method", "")).put("/notifications/templates/" + ACCOUNT_ACTIVATED + "/method");
        }
        api.awaitStatus(id, "sent", Duration.ofSeconds(30));
        var deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (var mail : SharedService.RELAY.received) {
                if (mail.getMessageID() != null && mail.getMessageID().startsWith("<" + id + "@")) {
                    return mail;
                }
            }
            Api.sleep(100);
        }
        throw new AssertionError("no email for message " + id);
    }

    private static String unsubscribeLink(MimeMessage mail) throws Exception {
        var header = mail.getHeader("List-Unsubscribe", null);
        assertTrue(
                header != null
                        && header.startsWith("<" + SharedService.PUBLIC_URL + "/notifications/unsubscribe?token=")
                        && header.endsWith(">"),
                String.valueOf(header));
        return header.substring(1, header.length() - 1);
    }

    private Boolean disabled(UUID user) {
        List<Map<String, Object>> preferences = api.request()
                .get("/users/" + user + "/notifications/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return preferences.stream()
                .filter(preference -> ACCOUNT_ACTIVATED.equals(preference.get("id")))
                .map(preference -> (Boolean) preference.get("disabled"))
                .findFirst()
                .orElse(null);
    }

    private static int send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
