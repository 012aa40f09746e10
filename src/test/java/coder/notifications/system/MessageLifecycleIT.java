package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events in, webhooks out: the message lifecycle of SPEC section 3 against a real HTTP receiver. */
class MessageLifecycleIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static Api api;
    static WebhookReceiver receiver = SharedService.RECEIVER;

    @BeforeAll
    static void startService() {
        api = new Api(SharedService.get());
    }

    static Map<String, Object> workspaceDeleted(UUID user, String workspace) {
        return Map.of(
                "template",
                WORKSPACE_DELETED,
                "user_id",
                user.toString(),
                "labels",
                Map.of("name", workspace, "reason", "initiated by user", "initiator", "danny"));
    }

    /** Enqueues an event of one recipient; answers the id of its webhook message (the inbox's is beside it). */
    static String enqueueOne(Map<String, Object> event) {
        return api.event(event)
                .then()
                .statusCode(202)
                .body("messages.method", equalTo(List.of("webhook", "inbox")))
                .extract()
                .path("messages[0].id");
    }

    @Test
    void theReferenceRenderingArrivesByWebhook() {
        var danny = UUID.randomUUID();
        api.request()
                .body(Map.of("username", "danny-" + danny.toString().substring(0, 6), "email", "danny@example.com"))
                .put("/users/" + danny)
                .then()
                .statusCode(200);
        var id = enqueueOne(Map.of(
                "template",
                "Workspace Deleted",
                "user_id",
                danny.toString(),
                "labels",
                Map.of("name", "my-workspace", "reason", "initiated by user", "initiator", "danny")));

        var document = receiver.awaitDelivered(danny, 1, PATIENCE).get(0);
        assertEquals("Workspace \"my-workspace\" deleted", document.getString("title"));
        var name = "danny-" + danny.toString().substring(0, 6);
        assertEquals(
                "Hi " + name
                        + "\n\nYour workspace my-workspace was deleted.\nThe specified reason was \"initiated by user (danny)\".",
                document.getString("body"));
        assertEquals(id, document.getString("msg_id"));
        assertEquals("1.1", document.getString("_version"));
        var payload = document.getJsonObject("payload");
        assertEquals(WORKSPACE_DELETED, payload.getString("notification_template_id"));
        assertEquals("Workspace Deleted", payload.getString("notification_name"));
        assertEquals(
                "https://coder.example.com/workspaces",
                payload.getJsonArray("actions").getJsonObject(0).getString("url"));
        var message = api.awaitStatus(id, "sent", PATIENCE);
        assertEquals(1, message.get("attempt_count"));
    }

    @Test
    void aRetryableFailureIsRetriedUntilItSucceeds() {
        var user = api.user("Retry Rita");
        receiver.script(user, 500, 200);
        var id = enqueueOne(workspaceDeleted(user, "flaky"));
        var message = api.awaitStatus(id, "sent", PATIENCE);
        assertEquals(2, message.get("attempt_count"));
    }

    @Test
    void aClientErrorFailsPermanentlyAtOnce() {
        var user = api.user("Gone Gina");
        receiver.script(user, 404);
        var id = enqueueOne(workspaceDeleted(user, "nowhere"));
        var message = api.awaitStatus(id, "permanent_failure", PATIENCE);
        assertEquals(1, message.get("attempt_count"));
        assertTrue(message.get("status_reason").toString().contains("404"), message.toString());
    }

    @Test
    void retriesStopAtTheAttemptLimit() {
        var user = api.user("Busy Bob");
        receiver.script(user, 503, 429, 502, 200);
        var id = enqueueOne(workspaceDeleted(user, "overloaded"));
        var message = api.awaitStatus(id, "permanent_failure", PATIENCE);
        assertEquals(3, message.get("attempt_count"));
        assertTrue(message.get("status_reason").toString().contains("502"), message.toString());
        assertEquals(0, receiver.deliveredTo(user).size());
    }

    @Test
    void anIdenticalEventOfTheSameDayIsADuplicate() {
        var user = api.user("Twice Tom");
        enqueueOne(workspaceDeleted(user, "same"));
        api.event(workspaceDeleted(user, "same"))
                .then()
                .statusCode(202)
                .body("messages", hasSize(0))
                .body("skipped[0].user_id", equalTo(user.toString()))
                .body("skipped[0].reason", equalTo("duplicate"));
    }

    @Test
    void adminEventsFanOutToOwnersAndUserAdminsExceptTheSubject() {
        var owner = api.user("Olivia Owner", "owner");
        var userAdmin = api.user("Uma Admin", "user-admin");
        var subjectAdmin = api.user("Sam Subject", "user-admin");
        var member = api.user("Mia Member", "member");
        var response = api.event(Map.of(
                        "template",
                        "User account created",
                        "user_id",
                        subjectAdmin.toString(),
                        "labels",
                        Map.of("created_account_name", "sam", "initiator", "olivia")))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        List<String> recipients = response.getList("messages.user_id");
        assertTrue(
                recipients.contains(owner.toString()) && recipients.contains(userAdmin.toString()),
                recipients.toString());
        assertTrue(
                !recipients.contains(subjectAdmin.toString()) && !recipients.contains(member.toString()),
                recipients.toString());
    }

    @Test
    void explicitRecipientsReplaceTheAudience() {
        var first = api.user("First");
        var second = api.user("Second");
        api.event(Map.of(
                        "template",
                        "Template Deleted",
                        "recipients",
                        List.of(first.toString(), second.toString()),
                        "labels",
                        Map.of("name", "go-template", "initiator", "olivia")))
                .then()
                .statusCode(202)
                .body(
                        "messages.findAll { it.method == 'webhook' }.user_id",
                        equalTo(List.of(first.toString(), second.toString())))
                .body(
                        "messages.findAll { it.method == 'inbox' }.user_id",
                        equalTo(List.of(first.toString(), second.toString())));
    }

    @Test
    void aRecipientWhoDisabledTheTemplateIsSkippedAtEnqueue() throws Exception {
        var user = api.user("Quiet Quinn");
        disable(user, WORKSPACE_DELETED);
        api.event(workspaceDeleted(user, "muted"))
                .then()
                .statusCode(202)
                .body("messages", hasSize(0))
                .body("skipped", hasSize(1))
                .body("skipped[0].reason", equalTo("disabled"));
    }

    @Test
    void aMessageDisabledAfterEnqueueIsInhibited() throws Exception {
        var user = api.user("Late Larry");
        api.pause(true);
        try {
            var id = enqueueOne(workspaceDeleted(user, "later"));
            disable(user, WORKSPACE_DELETED);
            api.pause(false);
            var message = api.awaitStatus(id, "inhibited", PATIENCE);
            assertEquals("disabled by user", message.get("status_reason"));
        } finally {
            api.pause(false);
        }
    }

    @Test
    void nothingIsLeasedWhilePausedAndEverythingAfterResume() {
        var user = api.user("Patient Pat");
        api.request()
                .body("{\"notifier_paused\": true}")
                .put("/notifications/settings")
                .then()
                .statusCode(200)
                .body("notifier_paused", equalTo(true));
        try {
            api.request()
                    .body("{\"notifier_paused\": true}")
                    .put("/notifications/settings")
                    .then()
                    .statusCode(304);
            var id = enqueueOne(workspaceDeleted(user, "paused"));
            Api.sleep(3000);
            assertEquals("pending", api.message(id).get("status"));
            api.request().get("/notifications/settings").then().statusCode(200).body("notifier_paused", equalTo(true));
            api.request()
                    .body("{\"notifier_paused\": false}")
                    .put("/notifications/settings")
                    .then()
                    .statusCode(200);
            api.awaitStatus(id, "sent", PATIENCE);
        } finally {
            api.pause(false);
        }
    }

    @Test
    void theMessagesListFiltersByUserStatusAndTemplate() {
        var user = api.user("Listed Lou");
        var enqueued = api.event(workspaceDeleted(user, "listed"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        var id = enqueued.getString("messages[0].id");
        api.awaitStatus(id, "sent", PATIENCE);
        api.awaitStatus(enqueued.getString("messages[1].id"), "sent", PATIENCE);
        // The webhook message and, beside it, the inbox's: the list shows every method.
        api.request()
                .queryParam("user_id", user.toString())
                .queryParam("status", "sent")
                .queryParam("template_id", WORKSPACE_DELETED)
                .get("/notifications/messages")
                .then()
                .statusCode(200)
                .body("messages", hasSize(2))
                .body("messages.method", org.hamcrest.Matchers.containsInAnyOrder("webhook", "inbox"))
                .body("messages.find { it.method == 'webhook' }.id", equalTo(id))
                .body("messages.find { it.method == 'webhook' }.notification_name", equalTo("Workspace Deleted"))
                .body("messages[0]", org.hamcrest.Matchers.hasKey("leased_until"))
                .body("messages[0].leased_until", org.hamcrest.Matchers.nullValue());
        api.request()
                .queryParam("status", "bogus")
                .get("/notifications/messages")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("status"));
    }

    static void disable(UUID user, String template) throws Exception {
        try (var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "INSERT INTO notification_preferences (user_id, notification_template_id, disabled) VALUES (?, ?, true)")) {
            statement.setObject(1, user);
            statement.setObject(2, UUID.fromString(template));
            statement.executeUpdate();
        }
    }
}
