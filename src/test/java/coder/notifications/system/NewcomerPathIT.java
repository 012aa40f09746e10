package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.security.EvaluationKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, as a newcomer follows it: the packaged JAR started with nothing configured but its
 * port and a cache folder of its own, the evaluation tokens sourced from the path the README names, its `curl`
 * commands sent as written, and then the pages: the sign-in link from tokens.env, the console, Danny's message
 * on the Messages tab and the Events tab saying which setting email lacks.
 */
class NewcomerPathIT {

    private static final String DANNY = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void theQuickStartFromTheFirstCommandToTheFirstNotificationSeen() throws Exception {
        // A cache folder never used before: a newcomer's machine has none.
        var cache = ServiceProcess.WORK
                .resolve("newcomer-cache-" + System.nanoTime())
                .toAbsolutePath();
        var settings = new HashMap<String, String>();
        settings.put("CODER_CACHE_DIRECTORY", cache.toString());
        // As the README advises for a service that restarts: every start unpacks into a new folder under the root.
        settings.put(
                "WLP_JAR_EXTRACT_ROOT",
                cache.resolveSibling(cache.getFileName() + "-extract").toString());
        try (var service = ServiceProcess.start("newcomer", settings)) {
            // source "${CODER_CACHE_DIRECTORY:-$HOME/.cache/coder-notifications}/jwt/tokens.env"
            var tokens = new HashMap<String, String>();
            for (var line : Files.readAllLines(EvaluationKeys.tokens(cache))) {
                if (!line.startsWith("#") && line.contains("=")) {
                    tokens.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            var api = service.uri("/api/v2").toString();
            assertEquals(200, send("PUT", api + "/users/" + tokens.get("OWNER_ID"), tokens.get("OWNER_TOKEN"), """
                            {"username":"admin","email":"admin@example.com","roles":["owner"]}"""));
            assertEquals(200, send("PUT", api + "/users/" + DANNY, tokens.get("NOTIFIER_TOKEN"), """
                    {"username":"danny","email":"danny@example.com"}"""));
            assertEquals(202, send("POST", api + "/notifications/events", tokens.get("NOTIFIER_TOKEN"), """
                    {"template":"Workspace Deleted","user_id":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     "labels":{"name":"my-workspace","reason":"initiated by user","initiator":"danny"}}"""));
            assertEquals(200, send("GET", api + "/notifications/messages", tokens.get("OWNER_TOKEN"), null));

            var link = tokens.get("OWNER_SIGN_IN_URL");
            // The default public URL follows the port: nothing else was set.
            assertTrue(
                    link != null && link.startsWith("http://localhost:" + service.port + "/sign-in/link?token="),
                    tokens.toString());
            try (var browser = new Browser()) {
                browser.open(link);
                browser.find("#sign-in-link").click();
                browser.awaitText("Notification settings");
                browser.screenshot("newcomer-preferences", 1280);
                browser.open("http://localhost:" + service.port + "/deployment/notifications?tab=messages");
                // Email is the default method and has no sender: Danny's message fails, and says why.
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
                        .until(driver -> browser.text().contains("danny")
                                && browser.text().contains("CODER_EMAIL_FROM"));
                browser.screenshot("newcomer-messages", 1280);
                browser.screenshot("newcomer-messages-phone", 390);
                browser.open("http://localhost:" + service.port + "/deployment/notifications?tab=events");
                assertTrue(
                        browser.find("#delivery-problem").getText().contains("CODER_EMAIL_FROM is not set"),
                        browser.text());
                browser.screenshot("newcomer-events", 1280);
                browser.screenshot("newcomer-events-phone", 390);
            }
        }
        // A restart with the same extract root and cache folder starts, and Danny's messages are still there.
        try (var again = ServiceProcess.start("newcomer", settings)) {
            var tokens = Files.readString(EvaluationKeys.tokens(cache));
            var owner = tokens.lines()
                    .filter(line -> line.startsWith("OWNER_TOKEN="))
                    .findFirst()
                    .orElseThrow()
                    .substring("OWNER_TOKEN=".length());
            var answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(again.uri("/api/v2/notifications/messages?user_id=" + DANNY))
                                    .header("Authorization", "Bearer " + owner)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("no sender configured"), answer.body());
        }
    }

    private static int send(String method, String url, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }
}
