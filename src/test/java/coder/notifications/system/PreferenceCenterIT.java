package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The preference center in a real browser, signed in through a real OpenID Connect provider. */
class PreferenceCenterIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final String USER_ACCOUNT_CREATED = "4e19c0ac-94e1-4532-9515-d1801aa283b2";

    private final Api api = new Api(SharedService.get());

    @Test
    void aStrangerIsSentToSignInAndComesBackToThePageAsked() {
        try (var browser = new Browser()) {
            browser.open(SharedService.PUBLIC_URL + "/");
            browser.find("#sign-in-oidc");
            assertTrue(browser.url().contains("/sign-in"), browser.url());
            browser.screenshot("sign-in", 1280);
            var id = People.signIn(browser, "/settings/notifications", "member");
            assertTrue(browser.url().endsWith("/settings/notifications"), browser.url());
            var user = api.request()
                    .get("/users/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    "Pat " + user.getString("username"),
                    user.getString("name"),
                    "added to the directory from the claims");
            assertEquals(List.of("member"), user.getList("roles"));
        }
    }

    @Test
    void aSwitchIsSavedAtOnceAndIsTheStateThePreferencesApiShows() {
        try (var browser = new Browser()) {
            var id = People.signIn(browser, "/settings/notifications", "member");
            browser.awaitText("Workspace Events");
            var text = browser.text();
            assertTrue(text.contains("Workspace Deleted") && text.contains("One of your workspaces was deleted"), text);
            assertFalse(text.contains("User account created"), "a member receives no administrators' notifications");
            // How each notification reaches the person: this deployment's webhook, and the inbox beside it.
            assertEquals(
                    "Webhook · Inbox", browser.find("#m-" + WORKSPACE_DELETED).getText());
            browser.screenshot("preferences", 1280);
            browser.screenshot("preferences-phone", 390);

            var toggle = browser.find("#s-" + WORKSPACE_DELETED);
            assertTrue(toggle.isSelected());
            toggle.click();
            browser.awaitText("Saved: Workspace Deleted is off.");
            assertEquals(true, disabled(id, WORKSPACE_DELETED), "the page's switch is what the API shows");

            api.request()
                    .body(Map.of("template_disabled_map", Map.of(WORKSPACE_DELETED, false)))
                    .put("/users/" + id + "/notifications/preferences")
                    .then()
                    .statusCode(200);
            browser.driver.navigate().refresh();
            assertTrue(browser.find("#s-" + WORKSPACE_DELETED).isSelected(), "what the API set is what the page shows");
        }
    }

    @Test
    void theSwitchWorksWithTheKeyboard() {
        try (var browser = new Browser()) {
            var id = People.signIn(browser, "/settings/notifications", "member");
            var toggle = browser.find("#s-" + WORKSPACE_DELETED);
            toggle.sendKeys(" ");
            browser.awaitText("Saved: Workspace Deleted is off.");
            assertEquals(true, disabled(id, WORKSPACE_DELETED));
        }
    }

    @Test
    void theLinkOfAnEmailHighlightsItsTemplateAndTurnsItOffInOneClick() {
        try (var browser = new Browser()) {
            var id = People.signIn(browser, "/settings/notifications?disabled=" + WORKSPACE_DELETED, "owner");
            browser.find("#highlight");
            assertTrue(browser.find("#t-" + WORKSPACE_DELETED)
                    .getAttribute("class")
                    .contains("highlighted"));
            assertTrue(browser.text().contains("User account created"), "an owner hears about user accounts");
            browser.screenshot("preferences-highlighted", 1280);
            browser.find("#turn-off").click();
            browser.awaitText("This notification is off");
            assertEquals(true, disabled(id, WORKSPACE_DELETED));
            assertFalse(browser.find("#s-" + WORKSPACE_DELETED).isSelected());
        }
    }

    @Test
    void aSuspendedUserIsRefusedByThePages() {
        try (var browser = new Browser()) {
            var id = People.signIn(browser, "/settings/notifications", "member");
            var username = api.request()
                    .get("/users/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("username")
                    .toString();
            api.request()
                    .body(Map.of("username", username, "roles", List.of("member"), "status", "suspended"))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            browser.driver.navigate().refresh();
            browser.awaitText("Your account is suspended");
            assertEquals(403, browser.status(SharedService.PUBLIC_URL + "/settings/notifications"));
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (var browser = new Browser()) {
            People.signIn(browser, "/settings/notifications", "member");
            var cookie = browser.sessionCookie();
            browser.find("form.sign-out button").click();
            browser.awaitText("You are signed out");
            assertEquals(302, statusWith(cookie, "/settings/notifications"), "the old cookie signs nobody in");
        }
    }

    @Test
    void aChangeWithoutTheCsrfTokenChangesNothing() throws Exception {
        try (var browser = new Browser()) {
            var id = People.signIn(browser, "/settings/notifications", "member");
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(SharedService.PUBLIC_URL + "/settings/notifications"))
                                    .header("Cookie", browser.sessionCookie())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "template=" + WORKSPACE_DELETED + "&enabled=false"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode());
            assertEquals(null, disabled(id, WORKSPACE_DELETED));
        }
    }

    /** The user's stored choice for the template: true, false, or null when none was ever made. */
    private Boolean disabled(UUID user, String template) {
        List<Map<String, Object>> preferences = api.request()
                .get("/users/" + user + "/notifications/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return preferences.stream()
                .filter(preference -> template.equals(preference.get("id")))
                .map(preference -> (Boolean) preference.get("disabled"))
                .findFirst()
                .orElse(null);
    }

    static int statusWith(String cookie, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(SharedService.PUBLIC_URL + path))
                                    .header("Cookie", cookie)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
