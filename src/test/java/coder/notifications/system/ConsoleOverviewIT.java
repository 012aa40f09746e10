package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's answers to an operator's questions, in a real browser: the overview's figures and charts, tracing a
 * person, paging through messages, one message's view with "send again", and every template's preview.
 */
class ConsoleOverviewIT {

    static final String CONSOLE = SharedService.PUBLIC_URL + "/deployment/notifications";
    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final String AUTOBUILD_FAILED = "381df2a9-c0c0-4749-420f-80a9280c66f9";

    private final Api api = new Api(SharedService.get());

    /**
     * A known mix (three sent, one failed after a retry, two inhibited, six waiting while paused): the overview's
     * figures move by exactly that, agree with what the messages API says of those messages, and its charts have a bar
     * per minute of the hour and per hour of the week in every series.
     */
    @Test
    void theOverviewAgreesWithTheMessagesApi() throws Exception {
        var sent = api.user("Ovid Sent", "member");
        var failing = api.user("Ovid Failing", "member");
        var quiet = api.user("Ovid Quiet", "member");
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications", "owner");
            assertTrue(
                    Api.eventually(Duration.ofSeconds(60), () -> {
                        browser.open(CONSOLE);
                        return figure(browser, "waiting").equals("0")
                                && figure(browser, "sending").equals("0");
                    }),
                    "the queue is quiet before the mix: " + browser.text());
            var before = figures(browser);

            SharedService.RECEIVER.script(failing, 503, 400);
            api.pause(true);
            try {
                for (var user : List.of(sent, failing, quiet)) {
                    deleted(user, "overview-" + user);
                }
                browser.open(CONSOLE);
                // Each event is one webhook and one inbox message.
                assertEquals("6", figure(browser, "waiting"), browser.text());
                assertEquals(6, count("pending", sent, failing, quiet));
                assertFalse(figure(browser, "oldest").equals("none"), "the oldest waiting message's age is shown");
                assertTrue(browser.find("#delivery-summary").getText().contains("paused by"), browser.text());
                api.request()
                        .body(Map.of("template_disabled_map", Map.of(WORKSPACE_DELETED, true)))
                        .put("/users/" + quiet + "/notifications/preferences")
                        .then()
                        .statusCode(200);
            } finally {
                api.pause(false);
            }
            assertTrue(Api.eventually(
                    Duration.ofSeconds(60),
                    () -> count("sent", sent, failing) == 3 && count("permanent_failure", failing) == 1));
            assertEquals(2, count("inhibited", quiet));

            browser.open(CONSOLE);
            var after = figures(browser);
            assertEquals(before.get("sent") + 3, after.get("sent"), "sent: " + before + " → " + after);
            assertEquals(before.get("permanent") + 1, after.get("permanent"), before + " → " + after);
            assertEquals(before.get("temporary") + 1, after.get("temporary"), before + " → " + after);
            assertEquals(before.get("inhibited") + 2, after.get("inhibited"), before + " → " + after);
            assertEquals("0", figure(browser, "waiting"));
            assertTrue(browser.textOf("delivery-summary").contains("running"), browser.text());

            // The charts: four series, a bar per bucket, the mix in the last hour's bars.
            for (var chart : Map.of("chart-minutes", 60, "chart-hours", 168).entrySet()) {
                var read = chart(browser, chart.getKey());
                var series = (Map<?, ?>) read.get("series");
                assertEquals(4, series.size(), chart.getKey() + ": " + read);
                series.forEach((name, bars) ->
                        assertEquals((long) chart.getValue(), ((List<?>) bars).get(0), chart.getKey() + " " + name));
                assertFalse(((String) read.get("desc")).isBlank(), "a text alternative");
            }
            var minutes = (Map<?, ?>) chart(browser, "chart-minutes").get("series");
            assertTrue((Long) ((List<?>) minutes.get("sent")).get(1) >= 3, minutes.toString());
            assertTrue((Long) ((List<?>) minutes.get("permanent_failure")).get(1) >= 1, minutes.toString());

            // The failure reasons lead to the messages that failed with them.
            var reasons = browser.textOf("failure-reasons");
            assertTrue(reasons.contains("400"), reasons);
            browser.screenshot("console-overview", 1280);
            browser.screenshot("console-overview-phone", 390);
            // Found and followed in one script: the overview may have been refreshed since it was read.
            assertEquals(Boolean.TRUE, browser.script("""
                            var row = Array.from(document.querySelectorAll('#failure-reasons tr'))
                                .find(function (tr) { return tr.innerText.indexOf('400') >= 0; });
                            var link = row && Array.from(row.querySelectorAll('a'))
                                .find(function (a) { return a.textContent.trim() === 'Show these messages'; });
                            if (!link) { return false; }
                            link.click();
                            return true;"""), "a reason naming 400 with its link: " + reasons);
            browser.find("#reason-filter");
            assertTrue(browser.text().contains(username(failing)), browser.text());
        }
    }

    /** "Why was this person not told?": their sent, failed and inhibited messages and their preferences, on one screen. */
    @Test
    void traceShowsAPersonsMessagesAndPreferences() throws Exception {
        var person = api.user("Danny Trace", "member");
        SharedService.RECEIVER.script(person, 400);
        var failed = deleted(person, "trace-failed");
        api.awaitStatus(failed, "permanent_failure", Duration.ofSeconds(30));
        var sent = deleted(person, "trace-sent");
        api.awaitStatus(sent, "sent", Duration.ofSeconds(30));
        api.pause(true);
        String inhibited;
        try {
            inhibited = event(person, "Workspace Autobuild Failed", "trace-disabled");
            api.request()
                    .body(Map.of("template_disabled_map", Map.of(AUTOBUILD_FAILED, true)))
                    .put("/users/" + person + "/notifications/preferences")
                    .then()
                    .statusCode(200);
        } finally {
            api.pause(false);
        }
        api.awaitStatus(inhibited, "inhibited", Duration.ofSeconds(30));
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=trace", "owner");
            browser.find("#f-person").sendKeys(username(person) + "@example.com");
            browser.find("#trace-find").click();
            browser.find("#trace-messages");
            var statuses = new HashSet<String>();
            for (var row : browser.driver.findElements(By.cssSelector("#trace-messages tbody tr"))) {
                statuses.add(row.getAttribute("data-status"));
            }
            assertTrue(
                    statuses.containsAll(List.of("sent", "permanent_failure", "inhibited")),
                    "found by email: " + statuses);
            var text = browser.find("#trace-messages").getText();
            assertTrue(text.contains("Failed, not retried"), text);
            assertTrue(text.contains("answered 400"), "the receiver's answer: " + text);
            assertTrue(text.contains("Not sent: disabled by user"), text);
            assertTrue(text.contains("Delivered at"), text);
            var off = browser.driver.findElements(By.cssSelector("#trace-preferences tr[data-enabled=false]")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertTrue(off.stream().anyMatch(row -> row.contains("Workspace Autobuild Failed")), off.toString());
            browser.screenshot("console-trace", 1280);
            browser.screenshot("console-trace-phone", 390);
            browser.open(CONSOLE + "?tab=trace&person=" + username(person));
            assertTrue(browser.find("#traced-title").getText().contains("Danny Trace"), "found by username");
            browser.open(CONSOLE + "?tab=trace&person=nobody-by-this-name");
            browser.find("#trace-none");
        }
    }

    /** 120 messages, walked 50 at a time with the Older link: each once, none missing, while new ones arrive. */
    @Test
    void theMessagesTabPagesWithoutRepeatsOrGaps() throws Exception {
        var person = api.user("Paige Pager", "member");
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 60; i++) {
            events.add(Map.of(
                    "template",
                    "Workspace Deleted",
                    "user_id",
                    person.toString(),
                    "labels",
                    Map.of("name", "paged-" + i, "reason", "paging")));
        }
        api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200);
        var expected = new HashSet<>(ids(person));
        assertEquals(120, expected.size());
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=messages&user=" + username(person), "owner");
            var seen = new LinkedHashSet<String>();
            var pages = 0;
            while (true) {
                // In one script: the newest page replaces its rows every 5 s.
                var rows = (List<?>)
                        browser.script("return Array.from(document.querySelectorAll('#message-rows tr[data-id]'))"
                                + ".map(function (tr) { return tr.getAttribute('data-id'); });");
                for (var row : rows) {
                    assertTrue(seen.add((String) row), "repeated: " + row);
                }
                pages++;
                if (pages == 1) {
                    // A newer message arrives while the pages are walked: it belongs before the first page.
                    deleted(person, "paged-late");
                }
                var older = browser.driver.findElements(By.id("messages-older"));
                if (older.isEmpty()) {
                    break;
                }
                older.get(0).click();
                browser.find("#messages-newest");
            }
            assertEquals(3, pages);
            assertEquals(expected, seen, "every message once, none missing");
        }
    }

    /** A permanent failure's view shows what was sent, and "send again" delivers it at a healthy receiver. */
    @Test
    void sendAgainTurnsAPermanentFailureIntoSent() throws Exception {
        var person = api.user("Sam Again", "member");
        SharedService.RECEIVER.script(person, 400);
        var message = deleted(person, "again");
        api.awaitStatus(message, "permanent_failure", Duration.ofSeconds(30));
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=message&id=" + message, "owner");
            assertEquals("Failed", browser.find("#message-status").getText());
            var document = browser.find("#message-webhook").getAttribute("textContent");
            assertTrue(document.contains("\"again\""), "the webhook document with its labels: " + document);
            assertTrue(browser.find("#message-steps").getText().contains("Created by"), browser.text());
            browser.screenshot("console-message", 1280);
            browser.find("#send-again").click();
            browser.driver.switchTo().alert().accept();
            browser.find("#sent-again");
            api.awaitStatus(message, "sent", Duration.ofSeconds(30));
            browser.driver.navigate().refresh();
            assertEquals("Sent", browser.find("#message-status").getText());
            assertTrue(
                    browser.find("#message-steps").getText().contains("sent it again after a permanent failure"),
                    browser.find("#message-steps").getText());
            assertTrue(browser.driver.findElements(By.id("send-again")).isEmpty(), "only a failure is sent again");
            browser.screenshot("console-message-sent-again", 1280);
        }
        List<Map<String, Object>> entries = api.request()
                .get("/audit?resource_type=notification_message")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        assertTrue(entries.stream().anyMatch(entry -> message.equals(entry.get("resource_id"))), entries.toString());
        // A message that is not a permanent failure is not sent again.
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=message&id=" + message, "owner");
            assertTrue(browser.driver.findElements(By.id("send-again")).isEmpty());
        }
    }

    /** Every template renders its email (subject, HTML, text) and its webhook document with sample labels. */
    @Test
    void thePreviewRendersEveryTemplate() throws Exception {
        List<Map<String, Object>> templates = api.request()
                .get("/notifications/templates/system")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertTrue(templates.size() >= 10, templates.toString());
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=events", "owner");
            for (var template : templates) {
                var id = template.get("id");
                browser.open(CONSOLE + "?tab=events&preview=" + id);
                var subject = browser.find("#preview-subject").getText();
                assertFalse(subject.isBlank(), template.get("name") + " has a subject");
                assertFalse(subject.contains("labels."), subject);
                var document = browser.find("#preview-webhook").getAttribute("textContent");
                assertTrue(document.contains("\"notification_template_id\": \"" + id + "\""), document);
                var text = browser.find("#preview-text").getAttribute("textContent");
                assertTrue(text.contains("Manage your notification settings"), text);
                browser.driver.switchTo().frame(browser.find("#preview-html"));
                var html = new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver -> {
                    var body = driver.findElement(By.tagName("body")).getText();
                    return body.isBlank() ? null : body;
                });
                browser.driver.switchTo().defaultContent();
                assertTrue(html.contains("Hi "), template.get("name") + ": " + html);
                if (WORKSPACE_DELETED.equals(id)) {
                    assertEquals("Workspace \"dev-workspace\" deleted", subject);
                    browser.screenshot("console-preview", 1280);
                }
            }
        }
    }

    private String deleted(UUID user, String name) {
        return event(user, "Workspace Deleted", name);
    }

    /** Enqueues one event for the user; answers the id of its webhook message. */
    private String event(UUID user, String template, String name) {
        List<Map<String, Object>> messages = api.event(Map.of(
                        "template",
                        template,
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", name, "reason", "console test")))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getList("messages");
        return messages.stream()
                .filter(message -> "webhook".equals(message.get("method")))
                .map(message -> (String) message.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no webhook message: " + messages));
    }

    private List<String> ids(UUID user) {
        return api.request()
                .get("/notifications/messages?limit=1000&user_id=" + user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("messages.id");
    }

    private long count(String status, UUID... users) {
        long total = 0;
        for (var user : users) {
            total += api.request()
                    .get("/notifications/messages?limit=1000&status=" + status + "&user_id=" + user)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("messages")
                    .size();
        }
        return total;
    }

    private String username(UUID user) {
        return "u" + user.toString().substring(0, 8);
    }

    private static String figure(Browser browser, String name) {
        return browser.textOf("figure-" + name).strip();
    }

    private static Map<String, Long> figures(Browser browser) {
        var figures = new java.util.HashMap<String, Long>();
        for (var name : List.of("sent", "permanent", "temporary", "inhibited")) {
            figures.put(name, Long.parseLong(figure(browser, name).replace(",", "")));
        }
        return figures;
    }

    /**
     * A chart read in one script: its text alternative ({@code desc}) and, per series, its number of bars and the sum
     * of their counts.
     */
    private static Map<?, ?> chart(Browser browser, String id) {
        browser.find("#" + id);
        return (Map<?, ?>) browser.script("""
                var chart = document.getElementById(arguments[0]);
                var desc = chart.querySelector('desc');
                var read = {desc: desc ? desc.textContent : '', series: {}};
                chart.querySelectorAll('g[data-series]').forEach(function (g) {
                    var bars = g.querySelectorAll('rect');
                    var total = 0;
                    bars.forEach(function (rect) { total += Number(rect.getAttribute('data-count')); });
                    read.series[g.getAttribute('data-series')] = [bars.length, total];
                });
                return read;""", id);
    }
}
