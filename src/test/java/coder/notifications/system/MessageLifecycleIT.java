package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.EventsApi;
import coder.notifications.client.EventsApi.Created;
import coder.notifications.client.EventsApi.Enqueued;
import coder.notifications.client.EventsApi.Event;
import coder.notifications.client.MessagesApi;
import coder.notifications.client.MessagesApi.Message;
import coder.notifications.client.SettingsApi;
import coder.notifications.client.SettingsApi.Settings;
import coder.notifications.client.UsersApi;
import coder.notifications.client.UsersApi.UserRequest;
import coder.notifications.security.EvaluationKeys;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/** Events in, webhooks out: the message lifecycle of SPEC section 3 against a real HTTP receiver. */
@MicroShedTest
public class MessageLifecycleIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static WebhookReceiver receiver = SharedService.RECEIVER;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static EventsApi events;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static MessagesApi messages;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static UsersApi users;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static SettingsApi settings;

    /** The labels of a Workspace Deleted event. */
    static Map<String, String> workspaceDeletedLabels(String workspace) {
        return Map.of("name", workspace, "reason", "initiated by user", "initiator", "danny");
    }

    /** A Workspace Deleted event for the typed API. */
    static Event workspaceDeletedEvent(UUID user, String workspace) {
        return Event.of(WORKSPACE_DELETED, user, workspaceDeletedLabels(workspace));
    }

    /** Enqueues an event of one recipient; answers the id of its webhook message (the inbox's is beside it). */
    private static UUID enqueueOne(Event event) {
        var enqueued = enqueue(event);
        assertEquals(List.of("webhook", "inbox"), enqueued.methods());
        return enqueued.messages().get(0).id();
    }

    /** Reports the event, answered 202. */
    private static Enqueued enqueue(Event event) {
        return Clients.accepted(events.reportAnswered(event));
    }

    private static Message awaitStatus(UUID id, String status) {
        return Clients.awaitStatus(messages, id, status, PATIENCE);
    }

    @Test
    void theReferenceRenderingArrivesByWebhook() {
        var danny = UUID.randomUUID();
        var name = "danny-" + danny.toString().substring(0, 6);
        users.save(danny.toString(), new UserRequest(name, null, "danny@example.com", null, null));
        var id = enqueueOne(Event.of("Workspace Deleted", danny, workspaceDeletedLabels("my-workspace")));

        var document = receiver.awaitDelivered(danny, 1, PATIENCE).get(0);
        assertEquals("Workspace \"my-workspace\" deleted", document.getString("title"));
        assertEquals(
                "Hi " + name
                        + "\n\nYour workspace my-workspace was deleted.\nThe specified reason was \"initiated by user (danny)\".",
                document.getString("body"));
        assertEquals(id.toString(), document.getString("msg_id"));
        assertEquals("1.1", document.getString("_version"));
        var payload = document.getJsonObject("payload");
        assertEquals(WORKSPACE_DELETED, payload.getString("notification_template_id"));
        assertEquals("Workspace Deleted", payload.getString("notification_name"));
        assertEquals(
                "https://coder.example.com/workspaces",
                payload.getJsonArray("actions").getJsonObject(0).getString("url"));
        assertEquals(1, awaitStatus(id, "sent").attemptCount());
    }

    @Test
    void aRetryableFailureIsRetriedUntilItSucceeds() {
        var user = Clients.user(users, "Retry Rita");
        receiver.script(user, 500, 200);
        var id = enqueueOne(workspaceDeletedEvent(user, "flaky"));
        assertEquals(2, awaitStatus(id, "sent").attemptCount());
    }

    @Test
    void aClientErrorFailsPermanentlyAtOnce() {
        var user = Clients.user(users, "Gone Gina");
        receiver.script(user, 404);
        var id = enqueueOne(workspaceDeletedEvent(user, "nowhere"));
        var message = awaitStatus(id, "permanent_failure");
        assertEquals(1, message.attemptCount());
        assertTrue(message.statusReason().contains("404"), message.toString());
    }

    @Test
    void retriesStopAtTheAttemptLimit() {
        var user = Clients.user(users, "Busy Bob");
        receiver.script(user, 503, 429, 502, 200);
        var id = enqueueOne(workspaceDeletedEvent(user, "overloaded"));
        var message = awaitStatus(id, "permanent_failure");
        assertEquals(3, message.attemptCount());
        assertTrue(message.statusReason().contains("502"), message.toString());
        assertEquals(0, receiver.deliveredTo(user).size());
    }

    @Test
    void anIdenticalEventOfTheSameDayIsADuplicate() {
        var user = Clients.user(users, "Twice Tom");
        enqueueOne(workspaceDeletedEvent(user, "same"));
        var again = enqueue(workspaceDeletedEvent(user, "same"));
        assertEquals(List.of(), again.messages());
        assertEquals(user, again.skipped().get(0).userId());
        assertEquals("duplicate", again.skipped().get(0).reason());
    }

    @Test
    void adminEventsFanOutToOwnersAndUserAdminsExceptTheSubject() {
        var owner = Clients.user(users, "Olivia Owner", "owner");
        var userAdmin = Clients.user(users, "Uma Admin", "user-admin");
        var subjectAdmin = Clients.user(users, "Sam Subject", "user-admin");
        var member = Clients.user(users, "Mia Member", "member");
        var recipients = enqueue(Event.of(
                        "User account created",
                        subjectAdmin,
                        Map.of("created_account_name", "sam", "initiator", "olivia")))
                .messages()
                .stream()
                .map(Created::userId)
                .toList();
        assertTrue(recipients.contains(owner) && recipients.contains(userAdmin), recipients.toString());
        assertTrue(!recipients.contains(subjectAdmin) && !recipients.contains(member), recipients.toString());
    }

    @Test
    void explicitRecipientsReplaceTheAudience() {
        var first = Clients.user(users, "First");
        var second = Clients.user(users, "Second");
        var enqueued = enqueue(Event.toRecipients(
                "Template Deleted", List.of(first, second), Map.of("name", "go-template", "initiator", "olivia")));
        assertEquals(List.of(first, second), recipientsBy(enqueued, "webhook"));
        assertEquals(List.of(first, second), recipientsBy(enqueued, "inbox"));
    }

    @Test
    void aRecipientWhoDisabledTheTemplateIsSkippedAtEnqueue() throws Exception {
        var user = Clients.user(users, "Quiet Quinn");
        disable(user, WORKSPACE_DELETED);
        var enqueued = enqueue(workspaceDeletedEvent(user, "muted"));
        assertEquals(List.of(), enqueued.messages());
        assertEquals(1, enqueued.skipped().size());
        assertEquals("disabled", enqueued.skipped().get(0).reason());
    }

    @Test
    void aMessageDisabledAfterEnqueueIsInhibited() throws Exception {
        var user = Clients.user(users, "Late Larry");
        Clients.pause(settings, true);
        try {
            var id = enqueueOne(workspaceDeletedEvent(user, "later"));
            disable(user, WORKSPACE_DELETED);
            Clients.pause(settings, false);
            assertEquals("disabled by user", awaitStatus(id, "inhibited").statusReason());
        } finally {
            Clients.pause(settings, false);
        }
    }

    @Test
    void nothingIsLeasedWhilePausedAndEverythingAfterResume() throws Exception {
        var user = Clients.user(users, "Patient Pat");
        try (var paused = settings.put(new Settings(true))) {
            assertEquals(200, paused.getStatus());
            assertTrue(paused.readEntity(Settings.class).notifierPaused());
        }
        try {
            Clients.assertAnswered(304, settings.put(new Settings(true)));
            var id = enqueueOne(workspaceDeletedEvent(user, "paused"));
            // Only time can show that nothing happens: watch the message for longer than a fetch interval (2 s).
            assertFalse(
                    Api.eventually(
                            Duration.ofSeconds(3),
                            () -> !"pending".equals(messages.find(id.toString()).status())),
                    () -> "leased while paused: " + messages.find(id.toString()));
            assertTrue(settings.get().notifierPaused());
            Clients.assertAnswered(200, settings.put(new Settings(false)));
            awaitStatus(id, "sent");
        } finally {
            Clients.pause(settings, false);
        }
    }

    @Test
    void theMessagesListFiltersByUserStatusAndTemplate() {
        var user = Clients.user(users, "Listed Lou");
        var enqueued = enqueue(workspaceDeletedEvent(user, "listed"));
        var id = enqueued.messages().get(0).id();
        awaitStatus(id, "sent");
        awaitStatus(enqueued.messages().get(1).id(), "sent");
        // The webhook message and, beside it, the inbox's: the list shows every method.
        var listed =
                messages.list("sent", user.toString(), WORKSPACE_DELETED, null).messages();
        assertEquals(2, listed.size());
        assertEquals(
                List.of("inbox", "webhook"),
                listed.stream().map(Message::method).sorted().toList());
        var webhook = listed.stream()
                .filter(message -> message.method().equals("webhook"))
                .findFirst()
                .orElseThrow();
        assertEquals(id, webhook.id());
        assertEquals("Workspace Deleted", webhook.notificationName());
        var sent = messages.listAsSent("sent", user.toString(), WORKSPACE_DELETED, null)
                .getJsonArray("messages")
                .getJsonObject(0);
        assertTrue(sent.containsKey("leased_until"), sent.toString());
        assertEquals(JsonValue.NULL, sent.get("leased_until"));
        Clients.assertRefusedNaming("status", () -> messages.list("bogus", null, null, null));
    }

    private static List<UUID> recipientsBy(Enqueued enqueued, String method) {
        return enqueued.messages().stream()
                .filter(message -> message.method().equals(method))
                .map(Created::userId)
                .toList();
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
