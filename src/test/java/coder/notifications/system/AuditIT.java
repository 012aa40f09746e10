package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change of the kill switch, of a template's method and of a user's preferences is in the audit trail. */
class AuditIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";
    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";

    private final Api owner = new Api(SharedService.get());

    @Test
    void theKillSwitchAndATemplatesMethodAreAuditedWithTheirActor() {
        var ownerId = owner.user("Audra Owner", "owner");
        var anOwner = owner.as(Api.token(ownerId, "owner"));
        try {
            anOwner.request()
                    .body("{\"notifier_paused\": true}")
                    .put("/notifications/settings")
                    .then()
                    .statusCode(200);
            anOwner.request()
                    .body("{\"notifier_paused\": true}")
                    .put("/notifications/settings")
                    .then()
                    .statusCode(304);
        } finally {
            anOwner.request()
                    .body("{\"notifier_paused\": false}")
                    .put("/notifications/settings")
                    .then()
                    .statusCode(200);
        }
        var settings = entries("notifications_settings", 2);
        assertEquals(ownerId.toString(), settings.get(1).get("actor_id"));
        assertEquals(Map.of("notifier_paused", false), settings.get(1).get("old"));
        assertEquals(Map.of("notifier_paused", true), settings.get(1).get("new"));
        assertEquals(
                Map.of("notifier_paused", false), settings.get(0).get("new"), "newest first; the 304 left no entry");
        assertEquals("write", settings.get(0).get("action"));

        try {
            anOwner.request()
                    .body(Map.of("method", "smtp"))
                    .put("/notifications/templates/" + TEMPLATE_DELETED + "/method")
                    .then()
                    .statusCode(200);
        } finally {
            anOwner.request()
                    .body(Map.of("method", ""))
                    .put("/notifications/templates/" + TEMPLATE_DELETED + "/method")
                    .then()
                    .statusCode(200);
        }
        var methods = entries("notification_template", 2);
        assertEquals(TEMPLATE_DELETED, methods.get(1).get("resource_id"));
        assertEquals(Map.of("method", ""), methods.get(1).get("old"));
        assertEquals(Map.of("method", "smtp"), methods.get(1).get("new"));
        assertEquals(Map.of("method", ""), methods.get(0).get("new"));
    }

    @Test
    void preferencesAreAuditedAlsoWhenChangedThroughAnUnsubscribeLink() throws Exception {
        var memberId = owner.user("Pia Preference", "member");
        var member = owner.as(Api.token(memberId, "member"));
        member.request()
                .body(Map.of("template_disabled_map", Map.of(WORKSPACE_DELETED, true)))
                .put("/users/me/notifications/preferences")
                .then()
                .statusCode(200);
        var changed = entries("notification_preference", 1).get(0);
        assertEquals(memberId.toString(), changed.get("actor_id"));
        assertEquals(memberId.toString(), changed.get("resource_id"));
        assertEquals(Map.of(WORKSPACE_DELETED, false), changed.get("old"));
        assertEquals(Map.of(WORKSPACE_DELETED, true), changed.get("new"));

        owner.event(Map.of(
                        "template",
                        "Your account has been activated",
                        "user_id",
                        memberId.toString(),
                        "labels",
                        Map.of("activated_account_name", "pia", "initiator", "audit")))
                .then()
                .statusCode(202);
        var link = SharedService.RECEIVER
                .awaitDelivered(memberId, 1, Duration.ofSeconds(30))
                .get(0)
                .getJsonObject("payload")
                .getString("unsubscribe_url");
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(200, answer.statusCode());
        var byLink = entries("notification_preference", 1).get(0);
        assertNull(byLink.get("actor_id"), "an unsubscribe link names no actor");
        assertEquals(memberId.toString(), byLink.get("resource_id"));
        assertEquals(Map.of("1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4", true), byLink.get("new"));
    }

    @Test
    void ownersAndAuditorsReadTheTrailOthersDoNot() {
        var auditor = owner.as(Api.token(owner.user("Abe Auditor", "auditor"), "auditor"));
        auditor.request()
                .get("/audit?limit=5")
                .then()
                .statusCode(200)
                .body("entries.size()", org.hamcrest.Matchers.lessThanOrEqualTo(5));
        owner.as(Api.token(owner.user("Meg Member", "member"), "member"))
                .request()
                .get("/audit")
                .then()
                .statusCode(403);
        owner.as(Api.token(UUID.randomUUID(), "notifier"))
                .request()
                .get("/audit")
                .then()
                .statusCode(403);
        owner.request()
                .get("/audit?resource_type=users")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("resource_type"));
        owner.request()
                .get("/audit?limit=0")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("limit"));
    }

    /**
     * A member toggling a preference as fast as they can writes a bounded number of entries: a burst passes, the
     * flood gets 429 with Retry-After; and the trail pages by cursor and filters by actor, so an owner's pause is
     * found however many entries came after it.
     */
    @Test
    void aPreferenceFloodIsRefusedAndTheTrailPagesAndFiltersByActor() {
        var ownerId = owner.user("Olga Owner", "owner");
        var anOwner = owner.as(Api.token(ownerId, "owner"));
        anOwner.request()
                .body("{\"notifier_paused\": true}")
                .put("/notifications/settings")
                .then()
                .statusCode(200);
        anOwner.request()
                .body("{\"notifier_paused\": false}")
                .put("/notifications/settings")
                .then()
                .statusCode(200);

        var memberId = owner.user("Flo Flood", "member");
        var member = owner.as(Api.token(memberId, "member"));
        var accepted = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            var answer = member.request()
                    .body(Map.of("template_disabled_map", Map.of(WORKSPACE_DELETED, i % 2 == 0)))
                    .put("/users/me/notifications/preferences");
            if (answer.statusCode() == 200) {
                accepted++;
            } else {
                refused = answer;
            }
        }
        assertTrue(accepted >= 20, "a burst of " + accepted + " changes passed");
        assertTrue(refused != null, "the flood was refused");
        refused.then().statusCode(429).body("message", org.hamcrest.Matchers.containsString("preference changes"));
        assertTrue(
                Integer.parseInt(refused.header("Retry-After")) >= 1,
                refused.headers().toString());
        List<Map<String, Object>> byMember = owner.request()
                .get("/audit?actor_id=" + memberId + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        assertEquals(accepted, byMember.size(), "one entry per accepted change, none for a refused one");

        // The owner's two entries, found by actor and reached by walking the cursor one entry at a time.
        var first = owner.request()
                .get("/audit?actor_id=" + ownerId + "&limit=1")
                .then()
                .statusCode(200)
                .extract();
        assertEquals(Map.of("notifier_paused", false), first.jsonPath().getMap("entries[0].new"));
        String cursor = first.jsonPath().getString("next_before");
        var second = owner.request()
                .get("/audit?actor_id=" + ownerId + "&limit=1&before=" + cursor)
                .then()
                .statusCode(200)
                .extract();
        assertEquals(Map.of("notifier_paused", true), second.jsonPath().getMap("entries[0].new"));
        var third = owner.request()
                .get("/audit?actor_id=" + ownerId + "&limit=1&before="
                        + second.jsonPath().getString("next_before"))
                .then()
                .statusCode(200)
                .extract();
        assertEquals(List.of(), third.jsonPath().getList("entries"));
        assertNull(third.jsonPath().getString("next_before"));

        // Walking every page of the member's entries meets each once, newest first.
        var seen = new java.util.ArrayList<String>();
        String before = null;
        do {
            var page = owner.request()
                    .get("/audit?actor_id=" + memberId + "&limit=7" + (before == null ? "" : "&before=" + before))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("entries.id"));
            before = page.getString("next_before");
        } while (before != null);
        assertEquals(byMember.stream().map(entry -> entry.get("id")).toList(), seen);
        owner.request()
                .get("/audit?before=yesterday")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("before"));
        owner.request()
                .get("/audit?actor_id=1")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("actor_id"));
    }

    private List<Map<String, Object>> entries(String type, int count) {
        List<Map<String, Object>> entries = owner.request()
                .get("/audit?resource_type=" + type + "&limit=" + count)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        assertEquals(count, entries.size());
        entries.forEach(entry -> assertTrue(entry.containsKey("time") && entry.containsKey("id"), entry.toString()));
        return entries;
    }
}
