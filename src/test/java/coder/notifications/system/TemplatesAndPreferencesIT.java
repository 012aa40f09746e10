package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.CallerNotificationsApi;
import coder.notifications.client.CallerNotificationsApi.Custom;
import coder.notifications.client.DispatchMethodsApi;
import coder.notifications.client.EventsApi;
import coder.notifications.client.EventsApi.Event;
import coder.notifications.client.MessagesApi;
import coder.notifications.client.PreferencesApi;
import coder.notifications.client.PreferencesApi.Choices;
import coder.notifications.client.Problem;
import coder.notifications.client.SettingsApi;
import coder.notifications.client.TemplatesApi;
import coder.notifications.client.TemplatesApi.MethodChoice;
import coder.notifications.client.TemplatesApi.Template;
import coder.notifications.client.UsersApi;
import coder.notifications.client.UsersApi.UserRequest;
import coder.notifications.security.EvaluationKeys;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/** Templates, their delivery method, user preferences, and the test and custom notifications. */
@MicroShedTest
public class TemplatesAndPreferencesIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static TemplatesApi templates;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static DispatchMethodsApi dispatchMethods;

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
    public static PreferencesApi preferences;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static SettingsApi settings;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static CallerNotificationsApi callerNotifications;

    @Test
    void theSystemListingShowsEveryTemplateByName() {
        var listed = templates.system();
        assertEquals(15, listed.size());
        var workspaceDeleted = named(listed, "Workspace Deleted");
        assertEquals(MessageLifecycleIT.WORKSPACE_DELETED, workspaceDeleted.id().toString());
        assertEquals("Workspace Events", workspaceDeleted.group());
        assertEquals("system", workspaceDeleted.kind());
        assertTrue(workspaceDeleted.enabledByDefault());
        assertEquals("View workspaces", workspaceDeleted.actions().get(0).label());
        assertEquals("custom", named(listed, "Custom Notification").kind());
        var names = listed.stream().map(Template::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void theDispatchMethodsNameTheDefault() {
        var methods = dispatchMethods.get();
        assertEquals(List.of("smtp", "webhook"), methods.available());
        assertEquals("webhook", methods.defaultMethod());
    }

    @Test
    void aTemplatesMethodIsSetUnchangedAndRestored() {
        try {
            assertEquals("smtp", changedMethod(templates.setMethod(TEMPLATE_DELETED, new MethodChoice("smtp"))));
            Clients.assertAnswered(304, templates.setMethod(TEMPLATE_DELETED, new MethodChoice("smtp")));
            var user = Clients.user(users, "Routed");
            var enqueued = Clients.accepted(
                    events.reportAnswered(Event.toRecipients("Template Deleted", List.of(user), Map.of("name", "t"))));
            assertEquals("smtp", enqueued.messages().get(0).method());
        } finally {
            assertEquals("", changedMethod(templates.setMethod(TEMPLATE_DELETED, new MethodChoice(""))));
        }
        try (var pigeon = templates.setMethod(TEMPLATE_DELETED, new MethodChoice("pigeon"))) {
            assertEquals(400, pigeon.getStatus());
            assertEquals("method", Problem.of(pigeon).fields().get(0));
        }
        Clients.assertAnswered(404, templates.setMethod(UUID.randomUUID().toString(), new MethodChoice("smtp")));
        var member = Clients.as(Api.token(UUID.randomUUID(), "member"), TemplatesApi.class);
        Clients.assertAnswered(403, member.setMethod(TEMPLATE_DELETED, new MethodChoice("smtp")));
    }

    @Test
    void disablingATemplateSkipsNewMessagesAndInhibitsQueuedOnes() {
        var user = Clients.user(users, "Opting Out");
        Clients.pause(settings, true);
        try {
            var queued = Clients.accepted(
                            events.reportAnswered(MessageLifecycleIT.workspaceDeletedEvent(user, "queued")))
                    .messages()
                    .get(0)
                    .id();
            var disabled = preferences.set(user.toString(), choice(MessageLifecycleIT.WORKSPACE_DELETED, true));
            assertEquals(1, disabled.size());
            assertEquals(
                    MessageLifecycleIT.WORKSPACE_DELETED, disabled.get(0).id().toString());
            assertTrue(disabled.get(0).disabled());
            assertNotNull(disabled.get(0).updatedAt());
            assertEquals("inhibited", messages.find(queued.toString()).status());
            var skipped =
                    Clients.accepted(events.reportAnswered(MessageLifecycleIT.workspaceDeletedEvent(user, "new")));
            assertEquals("disabled", skipped.skipped().get(0).reason());
            var enabled = preferences.set(user.toString(), choice(MessageLifecycleIT.WORKSPACE_DELETED, false));
            assertFalse(enabled.get(0).disabled());
            assertFalse(preferences.of(user.toString()).get(0).disabled());
        } finally {
            Clients.pause(settings, false);
        }
    }

    @Test
    void anUnknownTemplateInPreferencesIsA400() {
        var user = Clients.user(users, "Typo").toString();
        var unknown = UUID.randomUUID().toString();
        var refused = assertThrows(BadRequestException.class, () -> preferences.set(user, choice(unknown, true)));
        assertTrue(Problem.of(refused).fields().contains("template_disabled_map." + unknown));
        assertThrows(BadRequestException.class, () -> preferences.set(user, choice("nope", true)));
    }

    @Test
    void repeatedTestNotificationsAreAllDelivered() {
        var ownerUser = evaluationOwner();
        int before = SharedService.RECEIVER.deliveredTo(ownerUser).size();
        for (int i = 0; i < 2; i++) {
            Clients.assertAnswered(204, callerNotifications.test());
        }
        var delivered = SharedService.RECEIVER.awaitDelivered(ownerUser, before + 2, Duration.ofSeconds(30));
        assertEquals("A test notification", delivered.get(delivered.size() - 1).getString("title"));
    }

    @Test
    void aCustomNotificationGoesToTheCaller() {
        var memberId = Clients.user(users, "Custom Carl", "member");
        var member = Clients.as(Api.token(memberId, "member"), CallerNotificationsApi.class);
        Clients.assertAnswered(204, member.custom(Custom.of("Deploy done", "The **release** is out")));
        var document = SharedService.RECEIVER
                .awaitDelivered(memberId, 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals("Deploy done", document.getString("title"));
        assertEquals("Hi Custom Carl\n\nThe **release** is out", document.getString("body"));
    }

    @Test
    void aCustomNotificationIsValidated() {
        var memberId = Clients.user(users, "Custom Val", "member");
        var member = Clients.as(Api.token(memberId, "member"), CallerNotificationsApi.class);
        assertInvalid("content.title", member.custom(Custom.of(" ", "m")));
        assertInvalid("content.message", member.custom(Custom.of("t", "x".repeat(2001))));
        assertInvalid("content.title", member.custom(Custom.of("x".repeat(121), "m")));
        assertInvalid("content", member.custom(new Custom(null)));
    }

    /** Checks that the answer is a 400 whose validations name the field. */
    private static void assertInvalid(String field, Response answer) {
        try (answer) {
            assertEquals(400, answer.getStatus());
            var fields = Problem.of(answer).fields();
            assertTrue(fields.contains(field), () -> fields + " names " + field);
        }
    }

    private static Template named(List<Template> listed, String name) {
        return listed.stream()
                .filter(template -> template.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no template named " + name));
    }

    /** The template of a method change answered 200. */
    private static String changedMethod(Response answer) {
        try (answer) {
            assertEquals(200, answer.getStatus());
            return answer.readEntity(Template.class).method();
        }
    }

    private static Choices choice(String template, boolean disabled) {
        return new Choices(Map.of(template, disabled));
    }

    /** The owner of the evaluation tokens, put into the directory so that it can receive its own test notifications. */
    private static UUID evaluationOwner() {
        var id = EvaluationKeys.OWNER;
        users.save(
                id.toString(),
                new UserRequest("evaluation-owner", "Evaluation Owner", "owner@example.com", List.of("owner"), null));
        return id;
    }
}
