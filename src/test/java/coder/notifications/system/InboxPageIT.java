package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bell of SPEC 12 in headless Chromium, across replicas: a person signed in on replica A sees what replica B
 * enqueues appear in the open inbox, without reloading, and what they mark read there, replica B's API agrees with.
 * Screenshots of the bell and the open inbox go to target/screenshots/.
 */
class InboxPageIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";

    @Test
    void anEventEnqueuedOnOneReplicaAppearsLiveInTheInboxOpenOnAnother() throws Exception {
        // Replica A is the suite's shared service (its pages sign people in with the suite's provider); replica B
        // joins it on its database for this test.
        SharedService.get();
        var publicA = SharedService.PUBLIC_URL;
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put(
                "CODER_PG_CONNECTION_URL",
                "postgres://postgres@127.0.0.1:" + TestDatabase.port(ServiceProcess.WORK.resolve("cache"))
                        + "/postgres?sslmode=disable");
        try (var b = ServiceProcess.start("inbox-b", settings);
                var browser = new Browser()) {
            var apiB = new Api(b);
            var person = People.signIn(browser, "/settings/notifications", "member");
            var personB = apiB.as(Api.token(person, "member"));
            browser.find("#inbox-bell");
            awaitCount(browser, "");
            browser.screenshot("inbox-bell", 1280);

            browser.find("#inbox-bell").click();
            browser.find("#inbox-panel:not([hidden])");
            browser.awaitText("You have no notifications.");

            // Replica B takes the event; the inbox open on replica A shows it without reloading.
            var started = System.nanoTime();
            var id = event(apiB, person, "from-b <img src=x onerror=alert(1)>");
            var item = browser.find("li.inbox-item[data-id='" + id + "']");
            var appearedMs = (System.nanoTime() - started) / 1_000_000;
            awaitCount(browser, "1");
            System.out.println("enqueued on replica B, shown on replica A's page after " + appearedMs + " ms");
            assertTrue(item.getAttribute("class").contains("unread"));
            assertEquals(
                    "Workspace \"from-b <img src=x onerror=alert(1)>\" deleted",
                    item.findElement(By.cssSelector(".inbox-title")).getText());
            // Markdown is rendered (bold), the label's markup is shown as text, never as an element.
            var content = item.findElement(By.cssSelector(".inbox-content"));
            assertFalse(content.findElements(By.tagName("strong")).isEmpty(), content.getAttribute("innerHTML"));
            assertTrue(item.findElements(By.tagName("img")).isEmpty(), item.getAttribute("innerHTML"));
            var actions = item.findElements(By.cssSelector(".inbox-actions a"));
            assertEquals("https://coder.example.com/workspaces", actions.get(0).getAttribute("href"));
            assertNotNull(item.findElement(By.cssSelector("time.inbox-time")).getAttribute("datetime"));
            assertEquals("polite", browser.find("#inbox-count").getAttribute("aria-live"));
            browser.screenshot("inbox-open", 1280);
            browser.screenshot("inbox-open-phone", 390);

            // Marked read on replica A's page: replica B's API agrees.
            item.findElement(By.cssSelector(".inbox-mark-read")).click();
            awaitCount(browser, "");
            assertNotNull(personB.request()
                    .get("/notifications/inbox")
                    .then()
                    .statusCode(200)
                    .body("unread_count", org.hamcrest.Matchers.equalTo(0))
                    .extract()
                    .path("notifications[0].read_at"));

            // Load more, and mark all as read.
            for (int i = 0; i < 26; i++) {
                event(apiB, person, "many-" + i);
            }
            awaitCount(browser, "26");
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(driver ->
                            driver.findElements(By.cssSelector("li.inbox-item")).size() >= 27);
            browser.find("#inbox-mark-all").click();
            awaitCount(browser, "");
            personB.request().get("/notifications/inbox").then().body("unread_count", org.hamcrest.Matchers.equalTo(0));

            // A fresh page lists 25 and loads the rest on request.
            browser.open(publicA + "/settings/notifications");
            browser.find("#inbox-bell").click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(driver ->
                            driver.findElements(By.cssSelector("li.inbox-item")).size() == 25);
            browser.find("#inbox-more").click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(driver ->
                            driver.findElements(By.cssSelector("li.inbox-item")).size() == 27);
            // Escape closes the panel and gives the focus back to the bell.
            browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.find("#inbox-panel[hidden]");
            assertEquals("inbox-bell", browser.driver.switchTo().activeElement().getAttribute("id"));

            // The console has the bell too; the session cookie reads the API, and a change needs the CSRF token.
            var cookie = browser.sessionCookie();
            var http = HttpClient.newHttpClient();
            assertEquals(
                    200,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(publicA + "/api/v2/notifications/inbox"))
                                            .header("Cookie", cookie)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(
                    403,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    publicA + "/api/v2/notifications/inbox/mark-all-as-read"))
                                            .header("Cookie", cookie)
                                            .PUT(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            // The session cookie opens no other part of the API.
            assertEquals(
                    401,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(publicA + "/api/v2/notifications/messages"))
                                            .header("Cookie", cookie)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertFalse(browser.text().isEmpty());
        }
    }

    private static String event(Api api, UUID user, String name) {
        var response = api.request()
                .body(Map.of(
                        "template", WORKSPACE_DELETED,
                        "user_id", user.toString(),
                        "labels", Map.of("name", name, "reason", "a test")))
                .post("/notifications/events");
        response.then().statusCode(202);
        return response.jsonPath().getString("messages.find { it.method == 'inbox' }.id");
    }

    /** Waits until the bell's count reads this ("" when nothing is unread). */
    private static void awaitCount(Browser browser, String count) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(driver -> driver.findElement(By.id("inbox-count"))
                            .getText()
                            .strip()
                            .equals(count));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "the bell's count is \"" + browser.find("#inbox-count").getText() + "\", expected \"" + count
                            + "\"",
                    e);
        }
    }
}
