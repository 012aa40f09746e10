package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.AuditApi;
import coder.notifications.client.AuditApi.Entry;
import coder.notifications.client.EventsApi;
import coder.notifications.client.EventsApi.Event;
import coder.notifications.client.PreferencesApi;
import coder.notifications.client.PreferencesApi.Choices;
import coder.notifications.client.Problem;
import coder.notifications.client.SettingsApi;
import coder.notifications.client.SettingsApi.Settings;
import coder.notifications.client.TemplatesApi;
import coder.notifications.client.TemplatesApi.MethodChoice;
import coder.notifications.client.UsersApi;
import coder.notifications.security.EvaluationKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/** Every change of the kill switch, of a template's method and of a user's preferences is in the audit trail. */
@MicroShedTest
public class AuditIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";
    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static AuditApi audit;

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

    @Test
    void theKillSwitchAndATemplatesMethodAreAuditedWithTheirActor() {
        var ownerId = Clients.user(users, "Audra Owner", "owner");
        var ownerToken = Api.token(ownerId, "owner");
        var settings = Clients.as(ownerToken, SettingsApi.class);
        try {
            Clients.assertAnswered(200, settings.put(new Settings(true)));
            Clients.assertAnswered(304, settings.put(new Settings(true)));
        } finally {
            Clients.assertAnswered(200, settings.put(new Settings(false)));
        }
        var switched = entries("notifications_settings", 2);
        assertEquals(ownerId, switched.get(1).actorId());
        assertEquals(json(Map.of("notifier_paused", false)), switched.get(1).oldValue());
        assertEquals(json(Map.of("notifier_paused", true)), switched.get(1).newValue());
        assertEquals(
                json(Map.of("notifier_paused", false)),
                switched.get(0).newValue(),
                "newest first; the 304 left no entry");
        assertEquals("write", switched.get(0).action());

        var templates = Clients.as(ownerToken, TemplatesApi.class);
        try {
            Clients.assertAnswered(200, templates.setMethod(TEMPLATE_DELETED, new MethodChoice("smtp")));
        } finally {
            Clients.assertAnswered(200, templates.setMethod(TEMPLATE_DELETED, new MethodChoice("")));
        }
        var methods = entries("notification_template", 2);
        assertEquals(TEMPLATE_DELETED, methods.get(1).resourceId());
        assertEquals(json(Map.of("method", "")), methods.get(1).oldValue());
        assertEquals(json(Map.of("method", "smtp")), methods.get(1).newValue());
        assertEquals(json(Map.of("method", "")), methods.get(0).newValue());
    }

    @Test
    void preferencesAreAuditedAlsoWhenChangedThroughAnUnsubscribeLink() throws Exception {
        var memberId = Clients.user(users, "Pia Preference", "member");
        Clients.as(Api.token(memberId, "member"), PreferencesApi.class).set("me", choice(true));
        var changed = entries("notification_preference", 1).get(0);
        assertEquals(memberId, changed.actorId());
        assertEquals(memberId.toString(), changed.resourceId());
        assertEquals(json(Map.of(WORKSPACE_DELETED, false)), changed.oldValue());
        assertEquals(json(Map.of(WORKSPACE_DELETED, true)), changed.newValue());

        Clients.accepted(events.reportAnswered(Event.of(
                "Your account has been activated",
                memberId,
                Map.of("activated_account_name", "pia", "initiator", "audit"))));
        var link = SharedService.RECEIVER
                .awaitDelivered(memberId, 1, Duration.ofSeconds(30))
                .get(0)
                .getJsonObject("payload")
                .getString("unsubscribe_url");
        // The link of an email's List-Unsubscribe header, posted as a mail client does: a form, not the API.
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(200, answer.statusCode());
        var byLink = entries("notification_preference", 1).get(0);
        assertNull(byLink.actorId(), "an unsubscribe link names no actor");
        assertEquals(memberId.toString(), byLink.resourceId());
        assertEquals(json(Map.of("1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4", true)), byLink.newValue());
    }

    @Test
    void ownersAndAuditorsReadTheTrailOthersDoNot() {
        var auditor = Clients.as(Api.token(Clients.user(users, "Abe Auditor", "auditor"), "auditor"), AuditApi.class);
        var page = auditor.list(null, null, null, 5);
        assertTrue(page.entries().size() <= 5, page.entries().size() + " entries");
        var member = Clients.as(Api.token(Clients.user(users, "Meg Member", "member"), "member"), AuditApi.class);
        assertThrows(ForbiddenException.class, () -> member.list(null, null, null, null));
        var notifier = Clients.as(Api.token(UUID.randomUUID(), "notifier"), AuditApi.class);
        assertThrows(ForbiddenException.class, () -> notifier.list(null, null, null, null));
        Clients.assertRefusedNaming("resource_type", () -> audit.list("users", null, null, null));
        Clients.assertRefusedNaming("limit", () -> audit.list(null, null, null, 0));
    }

    /**
     * A member toggling a preference as fast as they can writes a bounded number of entries: a burst passes, the
     * flood gets 429 with Retry-After; and the trail pages by cursor and filters by actor, so an owner's pause is
     * found however many entries came after it.
     */
    @Test
    void aPreferenceFloodIsRefusedAndTheTrailPagesAndFiltersByActor() {
        var ownerId = Clients.user(users, "Olga Owner", "owner");
        var settings = Clients.as(Api.token(ownerId, "owner"), SettingsApi.class);
        Clients.assertAnswered(200, settings.put(new Settings(true)));
        Clients.assertAnswered(200, settings.put(new Settings(false)));

        var memberId = Clients.user(users, "Flo Flood", "member");
        var member = Clients.as(Api.token(memberId, "member"), PreferencesApi.class);
        var accepted = 0;
        WebApplicationException refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            try {
                member.set("me", choice(i % 2 == 0));
                accepted++;
            } catch (WebApplicationException e) {
                refused = e;
            }
        }
        assertTrue(accepted >= 20, "a burst of " + accepted + " changes passed");
        assertNotNull(refused, "the flood was refused");
        var tooMany = refused.getResponse();
        assertEquals(429, tooMany.getStatus());
        var retryAfter = tooMany.getHeaderString("Retry-After");
        var message = Problem.of(tooMany).message();
        assertTrue(message.contains("preference changes"), message);
        assertTrue(Integer.parseInt(retryAfter) >= 1, tooMany.getHeaders().toString());
        var byMember = audit.list(null, memberId.toString(), null, 1000).entries();
        assertEquals(accepted, byMember.size(), "one entry per accepted change, none for a refused one");

        // The owner's two entries, found by actor and reached by walking the cursor one entry at a time.
        var first = audit.list(null, ownerId.toString(), null, 1);
        assertEquals(
                json(Map.of("notifier_paused", false)), first.entries().get(0).newValue());
        var second = audit.list(null, ownerId.toString(), first.nextBefore().toString(), 1);
        assertEquals(
                json(Map.of("notifier_paused", true)), second.entries().get(0).newValue());
        var third = audit.list(null, ownerId.toString(), second.nextBefore().toString(), 1);
        assertEquals(List.of(), third.entries());
        assertNull(third.nextBefore());

        // Walking every page of the member's entries meets each once, newest first.
        var seen = new ArrayList<UUID>();
        UUID before = null;
        do {
            var page = audit.list(null, memberId.toString(), before == null ? null : before.toString(), 7);
            page.entries().forEach(entry -> seen.add(entry.id()));
            before = page.nextBefore();
        } while (before != null);
        assertEquals(byMember.stream().map(Entry::id).toList(), seen);
        Clients.assertRefusedNaming("before", () -> audit.list(null, null, "yesterday", null));
        Clients.assertRefusedNaming("actor_id", () -> audit.list(null, "1", null, null));
    }

    private List<Entry> entries(String type, int count) {
        var entries = audit.list(type, null, null, count).entries();
        assertEquals(count, entries.size());
        entries.forEach(entry -> assertTrue(entry.time() != null && entry.id() != null, entry.toString()));
        return entries;
    }

    private static Choices choice(boolean disabled) {
        return new Choices(Map.of(WORKSPACE_DELETED, disabled));
    }

    private static JsonObject json(Map<String, Object> fields) {
        return Json.createObjectBuilder(fields).build();
    }
}
