package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.security.EvaluationKeys;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The deployment console in a real browser: owners change things, auditors look, members are turned away. */
class ConsoleIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";
    static final String CONSOLE = SharedService.PUBLIC_URL + "/deployment/notifications";

    private final Api api = new Api(SharedService.get());

    @Test
    void theEvaluationSignInLinkSignsTheOwnerInOnce() throws Exception {
        var matcher = Pattern.compile("as the evaluation owner, once, with (\\S+)")
                .matcher(SharedService.get().output());
        assertTrue(matcher.find(), "the start-up log holds the sign-in link");
        var link = matcher.group(1);
        assertTrue(link.startsWith(SharedService.PUBLIC_URL + "/sign-in/link?token="), link);
        var tokens = java.nio.file.Files.readString(
                EvaluationKeys.tokens(ServiceProcess.WORK.resolve("cache").toAbsolutePath()));
        // Other services of the suite share the cache folder and rewrite tokens.env with their own link: only the
        // entry is checked here; the link itself is the one from this service's log.
        assertTrue(tokens.contains("OWNER_SIGN_IN_URL="), tokens);
        try (var browser = new Browser()) {
            browser.open(link);
            browser.find("#sign-in-link").click();
            browser.find("#status");
            assertTrue(browser.url().endsWith("/settings/notifications"), browser.url());
            browser.open(CONSOLE + "?tab=events");
            browser.awaitText("Send test notification");
            browser.screenshot("console-events", 1280);
        }
        try (var browser = new Browser()) {
            browser.open(link);
            browser.awaitText("This sign-in link is not valid");
        }
    }

    @Test
    void anOwnerChangesATemplatesMethodFromTheConsole() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=events", "owner");
            try {
                var text = browser.text();
                // Grouped as the preference center groups them, methods in people's words, no warning: this
                // deployment's webhook endpoint and email sender are set.
                assertTrue(
                        text.indexOf("Workspace Events") < text.indexOf("Template Events"),
                        "ordered as for people: " + text);
                assertTrue(
                        text.contains("One of your workspaces was deleted, by you, by someone else or by a policy."),
                        "each template with its description: " + text);
                assertTrue(text.contains("Deployment default (webhook)"), text);
                assertTrue(
                        browser.driver.findElements(By.id("delivery-problem")).isEmpty(), text);
                assertTrue(
                        browser.driver
                                .findElements(By.cssSelector("[role=note]"))
                                .isEmpty(),
                        text);
                new Select(browser.find("#m-" + TEMPLATE_DELETED)).selectByValue("smtp");
                browser.awaitText("Saved: delivery method of template deleted is email.");
                assertEquals("smtp", method(TEMPLATE_DELETED));
                browser.driver.navigate().refresh();
                assertEquals(
                        "smtp",
                        new Select(browser.find("#m-" + TEMPLATE_DELETED))
                                .getFirstSelectedOption()
                                .getAttribute("value"));
                new Select(browser.find("#m-" + TEMPLATE_DELETED)).selectByValue("");
                browser.awaitText("is Deployment default (webhook)");
                assertEquals("", method(TEMPLATE_DELETED), "the deployment default again");
            } finally {
                api.request()
                        .body(Map.of("method", ""))
                        .put("/notifications/templates/" + TEMPLATE_DELETED + "/method");
            }
        }
    }

    @Test
    void anOwnerPausesAndResumesDeliveryFromTheConsole() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=settings", "owner");
            try {
                browser.awaitText("Delivery is running");
                var text = browser.text();
                // The rows read flat: variable, its help, its value.
                text = text.replaceAll("\\s+", " ");
                assertTrue(text.contains("CODER_OIDC_CLIENT_SECRET The client's secret. set"), "shown as set: " + text);
                assertTrue(text.contains("CODER_EMAIL_AUTH_PASSWORD The relay account's password. not set"), text);
                assertFalse(text.contains("unset"), "one word for what is not set: " + text);
                assertFalse(text.contains("client-secret"), "never the secret itself");
                // Grouped, each with a line of help, defaults shown as the values they are.
                for (var group : java.util.List.of("Delivery", "Inbox", "Webhook", "Email", "Sign-in", "Deployment")) {
                    assertTrue(text.contains(group), group + " in " + text);
                }
                assertTrue(text.contains("CODER_OIDC_SCOPES Scopes asked of the provider. openid,profile,email"), text);
                browser.screenshot("console-settings", 1280);
                browser.screenshot("console-settings-phone", 390);
                // Pausing asks first: dismissed, nothing changes.
                browser.find("#kill-switch").click();
                var question = browser.driver.switchTo().alert();
                assertTrue(question.getText().startsWith("Pause delivery on every replica?"), question.getText());
                question.dismiss();
                assertFalse(api.settingsPaused(), "a dismissed question pauses nothing");
                browser.find("#kill-switch").click();
                browser.driver.switchTo().alert().accept();
                browser.awaitText("Delivery is paused on every replica");
                // The banner is on every tab of the console and on the owner's own preference center.
                for (var tab : java.util.List.of("events", "messages", "audit")) {
                    browser.open(CONSOLE + "?tab=" + tab);
                    assertTrue(browser.find("#paused-banner").getText().contains("Delivery is paused"), tab);
                }
                browser.open(SharedService.PUBLIC_URL + "/settings/notifications");
                assertTrue(browser.find("#paused-banner").isDisplayed());
                browser.screenshot("preferences-paused-banner", 1280);
                browser.open(CONSOLE + "?tab=settings");
                assertEquals(
                        true,
                        api.request()
                                .get("/notifications/settings")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("notifier_paused"));
                browser.screenshot("console-settings-paused", 1280);
                browser.find("#kill-switch").click();
                browser.awaitText("Delivery is running again");
                assertTrue(browser.driver.findElements(By.id("paused-banner")).isEmpty(), "no banner once running");
                assertEquals(
                        false,
                        api.request()
                                .get("/notifications/settings")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("notifier_paused"));
            } finally {
                api.pause(false);
            }
        }
    }

    @Test
    void theMessagesTabFiltersAndRefreshesItself() {
        var user = api.user("Mia Messages", "member");
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=messages&user=" + user, "owner");
            browser.awaitText("No messages match these filters.");
            api.event(Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("name", "refreshing-workspace", "reason", "test")))
                    .then()
                    .statusCode(202);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(driver -> browser.text().contains("Workspace Deleted")
                            && browser.text().contains("Sent"));
            browser.open(CONSOLE + "?tab=messages");
            browser.screenshot("console-messages", 1280);
            browser.screenshot("console-messages-phone", 390);
            new Select(browser.find("#f-status")).selectByValue("inhibited");
            browser.find("form.filters button").click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(driver -> driver.getCurrentUrl().contains("status=inhibited"));
            // Read in one script: the table refreshes itself and would replace elements read one by one.
            var statuses = (java.util.List<?>)
                    browser.driver.executeScript(
                            "return Array.from(document.querySelectorAll('#message-rows .badge')).map(badge => badge.textContent)");
            assertTrue(
                    statuses.stream().allMatch("Not sent: turned off"::equals),
                    "only inhibited messages are listed, in words: " + statuses);
        }
    }

    @Test
    void anAuditorSeesTheConsoleReadOnly() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=events", "auditor");
            browser.awaitText("read-only");
            assertFalse(browser.find("#m-" + TEMPLATE_DELETED).isEnabled(), "the method selector is disabled");
            assertTrue(browser.driver.findElements(By.id("send-test")).isEmpty());
            browser.open(CONSOLE + "?tab=settings");
            assertTrue(browser.driver.findElements(By.id("kill-switch")).isEmpty());
            browser.open(CONSOLE + "?tab=audit");
            browser.find("#audit");
            browser.screenshot("console-audit", 1280);
            browser.screenshot("console-audit-phone", 390);
        }
    }

    /** "Send test notification" follows the message to its outcome instead of promising it is on its way. */
    @Test
    void sendingATestNotificationShowsWhatBecameOfIt() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=events", "owner");
            browser.find("#send-test").click();
            browser.awaitText("A test notification was queued for you");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(driver -> browser.find("#test-outcome").getText().contains("Sent"));
            assertFalse(browser.find("#test-outcome").getText().contains("following it"), "settled");
            browser.screenshot("console-test-sent", 1280);
        }
    }

    /** The audit trail says who did what to whom, with names, and filters by what changed. */
    @Test
    void theAuditTabSaysWhatHappenedInWordsAndFilters() {
        var danny = api.user("Danny Audited", "member");
        api.request()
                .body(Map.of("template_disabled_map", Map.of("f517da0b-cdc9-410f-ab89-a86107c420ed", true)))
                .put("/users/" + danny + "/notifications/preferences")
                .then()
                .statusCode(200);
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications?tab=audit&type=notification_preference", "owner");
            browser.awaitText("turned off Workspace Deleted for Danny Audited");
            var text = browser.text();
            assertTrue(text.contains("Preferences"), text);
            assertFalse(text.contains("Paused delivery"), "filtered to preferences: " + text);
            assertFalse(text.contains("{\"f517da0b"), "no JSON in the visible text: " + text);
            browser.screenshot("console-audit-preferences", 1280);
        }
    }

    @Test
    void aMemberGets403FromTheConsole() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/deployment/notifications", "member");
            browser.awaitText("Owners only");
            assertEquals(403, browser.status(CONSOLE));
            browser.screenshot("console-forbidden", 1280);
        }
    }

    private Object method(String template) {
        return api.request()
                .get("/notifications/templates/system")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.id == '" + template + "' }.method")
                .get(0);
    }
}
