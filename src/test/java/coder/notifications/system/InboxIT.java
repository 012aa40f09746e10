package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.security.EvaluationKeys;
import io.restassured.response.Response;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbox of SPEC 12 on the shared service: delivery through the queue, the API, and the live stream. */
class InboxIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final String WORKSPACE_DORMANT = "0ea69165-ec14-4314-91f1-69566ac3c5a0";
    static final String ACCOUNT_SUSPENDED = "6a2f0609-9b69-4d36-a989-9f5925b6cbff";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static ServiceProcess service;
    static Api api;
    /** Idle watches open for the whole class, which runs longer than two ping periods (15 s each). */
    static InboxStream idleSocket;

    static InboxStream idleEvents;

    @BeforeAll
    static void startService() throws Exception {
        service = SharedService.get();
        api = new Api(service);
        var idle = person("Pia Idle");
        idleSocket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + idle.token());
        idleEvents = new InboxStream.OverEventStream(service, "", "Authorization", "Bearer " + idle.token());
    }

    @AfterAll
    static void idleWatchesWerePingedAndStayedOpen() throws Exception {
        try {
            // Each watch is pinged as it opens (twice early, see InboxWatchers.add), then every 15 s: by now the
            // class has usually run longer than that; if not, a periodic ping comes within the next 15 s.
            var deadline = Instant.now().plus(Duration.ofSeconds(20));
            while ((idleSocket.pings.get() < 3 || idleEvents.pings.get() < 3)
                    && Instant.now().isBefore(deadline)) {
                Api.sleep(100);
            }
            assertTrue(idleSocket.pings.get() >= 3, "WebSocket pings: " + idleSocket.pings.get());
            assertTrue(idleEvents.pings.get() >= 3, "event stream pings: " + idleEvents.pings.get());
            assertFalse(idleSocket.ended.isDone(), "the idle WebSocket is open");
            assertFalse(idleEvents.ended.isDone(), "the idle event stream is open");
        } finally {
            idleSocket.close();
            idleEvents.close();
        }
    }

    /** A member of the directory and their own API. */
    record Person(UUID id, String token, Api api) {}

    static Person person(String name) {
        var id = api.user(name, "member");
        var token = Api.token(id, "member");
        return new Person(id, token, api.as(token));
    }

    static Response event(String template, UUID user, String name, List<UUID> targets) {
        return api.request()
                .body(Map.of(
                        "template", template,
                        "user_id", user.toString(),
                        "labels", Map.of("name", name, "reason", "a test", "initiator", "danny"),
                        "targets", targets.stream().map(UUID::toString).toList()))
                .post("/notifications/events");
    }

    static String idOf(Response enqueued, String method) {
        enqueued.then().statusCode(202);
        return enqueued.jsonPath().getString("messages.find { it.method == '" + method + "' }.id");
    }

    /** The caller's inbox with these query parameters, answered 200. */
    static io.restassured.path.json.JsonPath list(Person person, Map<String, ?> query) {
        return person.api()
                .request()
                .queryParams(query)
                .get("/notifications/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Polls the list (never sleeping a fixed time) until the caller has this many unread items. */
    static void awaitUnread(Person person, int count) {
        var deadline = Instant.now().plus(PATIENCE);
        while (list(person, Map.of()).getInt("unread_count") != count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("unread_count never reached " + count + ": "
                        + list(person, Map.of()).prettify());
            }
            Api.sleep(50);
        }
    }

    @Test
    void everyRecipientAlsoGetsAnInboxItemThroughTheQueue() {
        var ada = person("Ada Inbox");
        var target = UUID.randomUUID();
        var enqueued = event(WORKSPACE_DELETED, ada.id(), "ws-1", List.of(target));
        assertEquals(
                List.of("webhook", "inbox"),
                enqueued.jsonPath().getList("messages.method"),
                "the method's message and the inbox's");
        var inboxMessage = idOf(enqueued, "inbox");
        var sent = api.awaitStatus(inboxMessage, "sent", PATIENCE);
        assertEquals("inbox", sent.get("method"));

        var page = list(ada, Map.of());
        assertEquals(1, page.getInt("unread_count"));
        assertEquals(1, page.getList("notifications").size());
        Map<String, Object> item = page.getMap("notifications[0]");
        assertEquals(inboxMessage, item.get("id"), "an item is keyed by the message that delivered it");
        assertEquals(ada.id().toString(), item.get("user_id"));
        assertEquals(WORKSPACE_DELETED, item.get("template_id"));
        assertEquals(List.of(target.toString()), item.get("targets"));
        assertEquals("Workspace \"ws-1\" deleted", item.get("title"));
        assertTrue(((String) item.get("content")).contains("Your workspace **ws-1** was deleted."), item.toString());
        assertEquals("DEFAULT_ICON_WORKSPACE", item.get("icon"));
        assertEquals(
                List.of(
                        Map.of("label", "View workspaces", "url", "https://coder.example.com/workspaces"),
                        Map.of("label", "View templates", "url", "https://coder.example.com/templates")),
                item.get("actions"));
        assertNull(item.get("read_at"));
        assertTrue(item.containsKey("read_at"), "read_at is present, as null");
        assertNotNull(Instant.parse((String) item.get("created_at")));

        // An account template answers the account icon.
        var suspended = idOf(event(ACCOUNT_SUSPENDED, ada.id(), "x", List.of()), "inbox");
        api.awaitStatus(suspended, "sent", PATIENCE);
        assertEquals("DEFAULT_ICON_ACCOUNT", list(ada, Map.of()).getString("notifications[0].icon"));

        // The inbox message shows in the messages API and in Coder's metrics with method="inbox".
        assertEquals(
                inboxMessage,
                api.request()
                        .queryParam("user_id", ada.id())
                        .get("/notifications/messages")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("messages.find { it.method == 'inbox' && it.id == '" + inboxMessage + "' }.id"));
        var metrics = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/metrics")
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("coderd_notifications_dispatcher_send_seconds_count")
                                && line.contains("method=\"inbox\"")),
                "send times are counted for the inbox");
        // Coder's answer is kept: the inbox is not a deployment method.
        api.request()
                .get("/notifications/dispatch-methods")
                .then()
                .statusCode(200)
                .body("available", org.hamcrest.Matchers.equalTo(List.of("smtp", "webhook")));
    }

    @Test
    void pagesOfTwentyFiveNewestFirstWithFiltersAndAnUnreadCountOverEverything() {
        var bo = person("Bo Pages");
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 30; i++) {
            var targets = i % 3 == 0 ? List.of(a, b) : i % 3 == 1 ? List.of(a) : List.<UUID>of();
            events.add(Map.of(
                    "template", i < 20 ? WORKSPACE_DELETED : WORKSPACE_DORMANT,
                    "user_id", bo.id().toString(),
                    "labels", Map.of("name", "ws-" + i),
                    "targets", targets.stream().map(UUID::toString).toList()));
        }
        api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200);
        awaitUnread(bo, 30);

        var first = list(bo, Map.of());
        List<Map<String, Object>> firstItems = first.getList("notifications");
        assertEquals(25, firstItems.size());
        var second = list(bo, Map.of("starting_before", firstItems.get(24).get("id")));
        List<Map<String, Object>> secondItems = second.getList("notifications");
        assertEquals(5, secondItems.size());
        var all = new ArrayList<>(firstItems);
        all.addAll(secondItems);
        assertEquals(30, new HashSet<>(all.stream().map(item -> item.get("id")).toList()).size(), "no repeats");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(
                    Instant.parse((String) all.get(i - 1).get("created_at"))
                                    .compareTo(Instant.parse((String) all.get(i).get("created_at")))
                            >= 0,
                    "newest first");
        }
        assertEquals(
                0,
                list(bo, Map.of("starting_before", secondItems.get(4).get("id")))
                        .getList("notifications")
                        .size());

        // targets: every one given must be among the item's; templates: any of them.
        assertEquals(20, countOn(bo, Map.of("targets", a.toString())));
        assertEquals(10, countOn(bo, Map.of("targets", a + "," + b)));
        assertEquals(10, countOn(bo, Map.of("templates", WORKSPACE_DORMANT)));
        assertEquals(30, countOn(bo, Map.of("templates", WORKSPACE_DORMANT + "," + WORKSPACE_DELETED)));

        // read_status, and unread_count whatever the filters say.
        var some = secondItems.subList(0, 3);
        some.forEach(item -> bo.api()
                .request()
                .body(Map.of("is_read", true))
                .put("/notifications/inbox/" + item.get("id") + "/read-status")
                .then()
                .statusCode(200));
        assertEquals(3, countOn(bo, Map.of("read_status", "read")));
        assertEquals(27, countOn(bo, Map.of("read_status", "unread")));
        assertEquals(30, countOn(bo, Map.of("read_status", "all")));
        var filtered = list(bo, Map.of("read_status", "read", "templates", WORKSPACE_DORMANT));
        assertEquals(27, filtered.getInt("unread_count"));
    }

    /** How many items the filters select, walking every page. */
    static int countOn(Person person, Map<String, String> query) {
        var count = 0;
        var parameters = new java.util.HashMap<String, String>(query);
        while (true) {
            List<Map<String, Object>> items = list(person, parameters).getList("notifications");
            count += items.size();
            if (items.size() < 25) {
                return count;
            }
            parameters.put("starting_before", (String) items.get(24).get("id"));
        }
    }

    @Test
    void readStatusMarkAllAndOnlyTheCallersOwnItems() {
        var cy = person("Cy Reader");
        var dee = person("Dee Other");
        var first = idOf(event(WORKSPACE_DELETED, cy.id(), "r-1", List.of()), "inbox");
        var second = idOf(event(WORKSPACE_DELETED, cy.id(), "r-2", List.of()), "inbox");
        var others = idOf(event(WORKSPACE_DELETED, dee.id(), "r-3", List.of()), "inbox");
        awaitUnread(cy, 2);
        awaitUnread(dee, 1);

        var read = cy.api()
                .request()
                .body(Map.of("is_read", true))
                .put("/notifications/inbox/" + first + "/read-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(first, read.getString("notification.id"));
        assertNotNull(Instant.parse(read.getString("notification.read_at")));
        assertEquals(1, read.getInt("unread_count"));
        var unread = cy.api()
                .request()
                .body(Map.of("is_read", false))
                .put("/notifications/inbox/" + first + "/read-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNull(unread.get("notification.read_at"));
        assertEquals(2, unread.getInt("unread_count"));

        // Another user's item is as unknown as an item that never existed.
        for (var id : List.of(others, UUID.randomUUID().toString())) {
            cy.api()
                    .request()
                    .body(Map.of("is_read", true))
                    .put("/notifications/inbox/" + id + "/read-status")
                    .then()
                    .statusCode(404);
        }
        assertEquals(1, list(dee, Map.of()).getInt("unread_count"), "untouched");
        cy.api()
                .request()
                .body(Map.of("is_read", "yes"))
                .put("/notifications/inbox/" + second + "/read-status")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("is_read"));
        cy.api()
                .request()
                .body(Map.of("is_read", true))
                .put("/notifications/inbox/not-a-uuid/read-status")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("id"));

        cy.api().request().put("/notifications/inbox/mark-all-as-read").then().statusCode(204);
        var after = list(cy, Map.of());
        assertEquals(0, after.getInt("unread_count"));
        assertTrue(after.getList("notifications.read_at").stream().allMatch(java.util.Objects::nonNull));
        assertEquals(1, list(dee, Map.of()).getInt("unread_count"), "only the caller's items");
        // Without credentials there is no inbox.
        api.anonymous().get("/notifications/inbox").then().statusCode(401);
    }

    @Test
    void badParametersAreRefusedNamingThemBeforeAnyUpgrade() throws Exception {
        var eve = person("Eve Params");
        var someoneElses = idOf(event(WORKSPACE_DELETED, person("Fay").id(), "p", List.of()), "inbox");
        api.awaitStatus(someoneElses, "sent", PATIENCE);
        var cases = Map.of(
                "colour", "blue",
                "read_status", "maybe",
                "targets", "not-a-uuid",
                "templates", WORKSPACE_DELETED + ",x",
                "starting_before", "12");
        for (var bad : cases.entrySet()) {
            eve.api()
                    .request()
                    .queryParam(bad.getKey(), bad.getValue())
                    .get("/notifications/inbox")
                    .then()
                    .statusCode(400)
                    .body("validations[0].field", org.hamcrest.Matchers.equalTo(bad.getKey()));
        }
        eve.api()
                .request()
                .queryParam("starting_before", someoneElses)
                .get("/notifications/inbox")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("starting_before"));
        // The watch's own parameter, and the list's that the watch does not take.
        for (var query : List.of("format=html", "starting_before=" + someoneElses, "read_status=maybe")) {
            var field = query.substring(0, query.indexOf('='));
            eve.api()
                    .request()
                    .header("Accept", "text/event-stream")
                    .get("/notifications/inbox/watch?" + query)
                    .then()
                    .statusCode(400)
                    .body("validations[0].field", org.hamcrest.Matchers.equalTo(field));
            var refused = assertThrows(
                    CompletionException.class,
                    () -> new InboxStream.OverWebSocket(service, query, "Authorization", "Bearer " + eve.token()));
            assertEquals(
                    400,
                    ((WebSocketHandshakeException) refused.getCause())
                            .getResponse()
                            .statusCode());
        }
        // Authentication comes before the upgrade too.
        var anonymous = assertThrows(
                CompletionException.class,
                () -> new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer not-a-token"));
        assertEquals(
                401,
                ((WebSocketHandshakeException) anonymous.getCause())
                        .getResponse()
                        .statusCode());
        eve.api().request().get("/notifications/inbox/watch").then().statusCode(400);
    }

    @Test
    void newItemsReachEveryMatchingWatchAndNoOtherOverWebSocketAndEventStream() throws Exception {
        var gus = person("Gus Watcher");
        var hal = person("Hal Elsewhere");
        var bearer = "Bearer " + gus.token();
        var before = watchers();
        try (var tab1 = new InboxStream.OverWebSocket(service, "", "Authorization", bearer);
                var tab2 = new InboxStream.OverWebSocket(service, "", "Authorization", bearer);
                var plain = new InboxStream.OverEventStream(
                        service, "format=plaintext&templates=" + WORKSPACE_DELETED, "Authorization", bearer);
                var other = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + hal.token())) {
            assertEquals(200, plain.status());
            awaitWatchers(count -> count >= before + 4, "at least " + (before + 4));
            var started = System.nanoTime();
            var id = idOf(event(WORKSPACE_DELETED, gus.id(), "live-1", List.of()), "inbox");
            for (var tab : List.of(tab1, tab2)) {
                var frame = tab.expectNext(PATIENCE);
                System.out.println("enqueue to WebSocket frame: " + (System.nanoTime() - started) / 1_000_000 + " ms");
                assertEquals(id, frame.getJsonObject("notification").getString("id"));
                assertEquals(
                        "Workspace \"live-1\" deleted",
                        frame.getJsonObject("notification").getString("title"));
                assertTrue(
                        frame.getJsonObject("notification").getString("content").contains("**live-1**"));
                assertEquals(1, frame.getInt("unread_count"));
            }
            var text = plain.expectNext(PATIENCE).getJsonObject("notification");
            assertEquals(id, text.getString("id"));
            assertTrue(text.getString("content").contains("Your workspace live-1 was deleted."), text.toString());
            assertFalse(text.getString("content").contains("**"), "plain text: " + text);

            // A template outside the event stream's filter reaches the unfiltered tabs only.
            var dormant = idOf(event(WORKSPACE_DORMANT, gus.id(), "live-2", List.of()), "inbox");
            assertEquals(
                    dormant,
                    tab1.expectNext(PATIENCE).getJsonObject("notification").getString("id"));
            assertEquals(
                    dormant,
                    tab2.expectNext(PATIENCE).getJsonObject("notification").getString("id"));
            var third = idOf(event(WORKSPACE_DELETED, gus.id(), "live-3", List.of()), "inbox");
            assertEquals(
                    third,
                    tab1.expectNext(PATIENCE).getJsonObject("notification").getString("id"));
            // The event stream's next frame is the third item: the second never matched its filter.
            assertEquals(
                    third,
                    plain.expectNext(PATIENCE).getJsonObject("notification").getString("id"));
            // Hal's stream heard nothing of Gus's three items, which reached Gus's streams through the same
            // notification as they would have reached Hal's.
            assertTrue(other.frames.isEmpty(), "another user's stream sees nothing: " + other.frames);
        }
    }

    @Test
    void aWatchEndsWhenItsTokenExpiresAndAClientThatLeftLeavesNothingBehind() throws Exception {
        var ivy = person("Ivy Expiring");
        var before = watchers();
        // A token valid for ten more seconds (time enough to open both streams on a busy machine): each stream is
        // ended within a second of the token's expiry.
        var shortLived = EvaluationKeys.token(
                EvaluationKeys.privateKey(ServiceProcess.WORK.resolve("cache").toAbsolutePath()),
                ivy.id(),
                List.of("member"),
                Instant.now(),
                Instant.now().plusSeconds(10));
        try (var socket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + shortLived);
                var events = new InboxStream.OverEventStream(service, "", "Authorization", "Bearer " + shortLived)) {
            awaitWatchers(count -> count >= before + 2, "at least " + (before + 2));
            var reason = socket.ended.get(25, TimeUnit.SECONDS);
            assertTrue(reason.startsWith("1001 the credential of this watch expired"), reason);
            assertEquals(200, events.status());
            assertEquals("end of stream", events.ended.get(25, TimeUnit.SECONDS));
            awaitWatchers(count -> count <= before, "at most " + before);
        }
        // Clients that leave: a WebSocket closed, an event stream dropped without a word.
        var socket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + ivy.token());
        var events = new InboxStream.OverEventStream(service, "", "Authorization", "Bearer " + ivy.token());
        awaitWatchers(
                count -> count >= before + 2,
                "at least " + (before + 2) + " (streams: " + socket.ended.getNow("open") + " / "
                        + events.ended.getNow("open") + ")");
        socket.close();
        events.close();
        // The dropped stream is found at its next write: the next item, or at the latest the next ping.
        idOf(event(WORKSPACE_DELETED, ivy.id(), "gone", List.of()), "inbox");
        awaitWatchers(count -> count <= before, "at most " + before);
    }

    /** The watches open on the shared service, by its metric. */
    static int watchers() {
        var metrics = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/metrics")
                .asString();
        return (int) metrics.lines()
                .filter(line -> line.startsWith("coderd_notifications_inbox_watchers"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Polls the watcher count (never sleeping a fixed time) until it is as wanted. */
    static void awaitWatchers(java.util.function.IntPredicate wanted, String description) {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!wanted.test(watchers())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("watchers: " + watchers() + ", expected " + description);
            }
            Api.sleep(50);
        }
    }

    @Test
    void theInboxMethodAndPreferences() throws Exception {
        var jo = person("Jo Prefers");
        var method = "/notifications/templates/" + WORKSPACE_DORMANT + "/method";
        api.request().body(Map.of("method", "inbox")).put(method).then().statusCode(200);
        try {
            var onlyInbox = event(WORKSPACE_DORMANT, jo.id(), "only-inbox", List.of());
            assertEquals(List.of("inbox"), onlyInbox.jsonPath().getList("messages.method"), "the inbox only");
            api.awaitStatus(idOf(onlyInbox, "inbox"), "sent", PATIENCE);
        } finally {
            api.request().body(Map.of("method", "")).put(method).then().statusCode(200);
        }
        // A disabled template makes no inbox item either, and the recipient is skipped once.
        jo.api()
                .request()
                .body(Map.of("template_disabled_map", Map.of(WORKSPACE_DELETED, true)))
                .put("/users/" + jo.id() + "/notifications/preferences")
                .then()
                .statusCode(200);
        var skipped =
                event(WORKSPACE_DELETED, jo.id(), "disabled", List.of()).then().statusCode(202);
        skipped.body("messages", org.hamcrest.Matchers.hasSize(0));
        skipped.body("skipped", org.hamcrest.Matchers.hasSize(1));
        skipped.body("skipped[0].reason", org.hamcrest.Matchers.equalTo("disabled"));
        assertEquals(1, list(jo, Map.of()).getList("notifications").size(), "only the inbox-only item");
    }

    @Test
    void aRedeliveryAfterAnExpiredLeaseAddsNothing() throws Exception {
        var kim = person("Kim Twice");
        var id = idOf(event(WORKSPACE_DELETED, kim.id(), "twice", List.of()), "inbox");
        api.awaitStatus(id, "sent", PATIENCE);
        try (var socket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + kim.token());
                var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "UPDATE notification_messages SET status = 'leased', leased_until = now() - interval '1 second'"
                                + " WHERE id = ?::uuid")) {
            // As if the replica that delivered it died before it recorded the result: its lease expired.
            statement.setString(1, id);
            assertEquals(1, statement.executeUpdate());
            var deadline = Instant.now().plus(PATIENCE);
            while (((Number) api.message(id).get("attempt_count")).intValue() < 2
                    || !"sent".equals(api.message(id).get("status"))) {
                assertTrue(Instant.now().isBefore(deadline), "redelivered: " + api.message(id));
                Api.sleep(50);
            }
            assertEquals(1, list(kim, Map.of()).getList("notifications").size());
            // A second item would have been announced before its message was recorded as sent.
            assertTrue(socket.frames.isEmpty(), "no frame for a redelivery: " + socket.frames);
        }
    }
}
