package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.DispatchMethodsApi;
import coder.notifications.client.EventsApi;
import coder.notifications.client.EventsApi.Batch;
import coder.notifications.client.EventsApi.Enqueued;
import coder.notifications.client.EventsApi.Event;
import coder.notifications.client.InboxApi;
import coder.notifications.client.InboxApi.Action;
import coder.notifications.client.InboxApi.Item;
import coder.notifications.client.InboxApi.Page;
import coder.notifications.client.InboxApi.ReadStatus;
import coder.notifications.client.MessagesApi;
import coder.notifications.client.MessagesApi.Message;
import coder.notifications.client.PreferencesApi;
import coder.notifications.client.PreferencesApi.Choices;
import coder.notifications.client.TemplatesApi;
import coder.notifications.client.TemplatesApi.MethodChoice;
import coder.notifications.client.UsersApi;
import coder.notifications.security.EvaluationKeys;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/**
 * The inbox of SPEC 12 on the shared service: delivery through the queue, the API (through its typed interface),
 * and the live stream (WebSocket and Server-Sent Events, through {@link InboxStream}).
 */
@MicroShedTest
public class InboxIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final String WORKSPACE_DORMANT = "0ea69165-ec14-4314-91f1-69566ac3c5a0";
    static final String ACCOUNT_SUSPENDED = "6a2f0609-9b69-4d36-a989-9f5925b6cbff";
    static final Duration PATIENCE = Duration.ofSeconds(20);

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
    public static TemplatesApi templates;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static DispatchMethodsApi dispatchMethods;

    static ServiceProcess service;
    /** Plain HTTP, for what the typed interface cannot send (a malformed body, an unknown parameter, the watch). */
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

    /** A member of the directory, their token and their own inbox. */
    record Person(UUID id, String token, InboxApi inbox) {

        /** The same person over plain HTTP. */
        Api plain() {
            return api.as(token);
        }
    }

    static Person person(String name) {
        var id = Clients.user(users, name, "member");
        var token = Api.token(id, "member");
        return new Person(id, token, Clients.as(token, InboxApi.class));
    }

    /** Reports an event about these targets for the user, answered 202. */
    static Enqueued event(String template, UUID user, String name, List<UUID> targets) {
        var labels = Map.of("name", name, "reason", "a test", "initiator", "danny");
        return Clients.accepted(
                events.reportAnswered(Event.of(template, user, labels).withTargets(targets)));
    }

    static String idOf(Enqueued enqueued, String method) {
        return enqueued.by(method).id().toString();
    }

    static Message awaitSent(String message) {
        return Clients.awaitStatus(messages, UUID.fromString(message), "sent", PATIENCE);
    }

    /** Which items a list asks for; a null filter is left out. */
    record Filters(String targets, String templates, String readStatus) {

        static final Filters NONE = new Filters(null, null, null);

        static Filters targets(String targets) {
            return new Filters(targets, null, null);
        }

        static Filters templates(String templates) {
            return new Filters(null, templates, null);
        }

        static Filters readStatus(String readStatus) {
            return new Filters(null, null, readStatus);
        }

        Page page(Person person, String startingBefore) {
            return person.inbox().list(targets, templates, readStatus, startingBefore);
        }
    }

    /** The caller's first page, unfiltered. */
    static Page list(Person person) {
        return Filters.NONE.page(person, null);
    }

    /** Polls the list (never sleeping a fixed time) until the caller has this many unread items. */
    static void awaitUnread(Person person, int count) throws Exception {
        if (!Api.eventually(PATIENCE, () -> list(person).unreadCount() == count)) {
            throw new AssertionError("unread_count never reached " + count + ": " + list(person));
        }
    }

    @Test
    void everyRecipientAlsoGetsAnInboxItemThroughTheQueue() {
        var ada = person("Ada Inbox");
        var target = UUID.randomUUID();
        var enqueued = event(WORKSPACE_DELETED, ada.id(), "ws-1", List.of(target));
        assertEquals(List.of("webhook", "inbox"), enqueued.methods(), "the method's message and the inbox's");
        var inboxMessage = idOf(enqueued, "inbox");
        assertEquals("inbox", awaitSent(inboxMessage).method());

        var page = list(ada);
        assertEquals(1, page.unreadCount());
        assertEquals(1, page.notifications().size());
        var item = page.notifications().get(0);
        assertEquals(inboxMessage, item.id().toString(), "an item is keyed by the message that delivered it");
        assertEquals(ada.id(), item.userId());
        assertEquals(WORKSPACE_DELETED, item.templateId().toString());
        assertEquals(List.of(target), item.targets());
        assertEquals("Workspace \"ws-1\" deleted", item.title());
        assertTrue(item.content().contains("Your workspace **ws-1** was deleted."), item.toString());
        assertEquals("DEFAULT_ICON_WORKSPACE", item.icon());
        assertEquals(
                List.of(
                        new Action("View workspaces", "https://coder.example.com/workspaces"),
                        new Action("View templates", "https://coder.example.com/templates")),
                item.actions());
        assertNull(item.readAt());
        var sent = ada.inbox().listAsSent().getJsonArray("notifications").getJsonObject(0);
        assertTrue(sent.containsKey("read_at") && sent.isNull("read_at"), "read_at is present, as null: " + sent);
        assertNotNull(Instant.parse(sent.getString("created_at")));

        // An account template answers the account icon.
        awaitSent(idOf(event(ACCOUNT_SUSPENDED, ada.id(), "x", List.of()), "inbox"));
        assertEquals("DEFAULT_ICON_ACCOUNT", list(ada).notifications().get(0).icon());

        // The inbox message shows in the messages API and in Coder's metrics with method="inbox".
        assertTrue(
                messages.list(null, ada.id().toString(), null, null).messages().stream()
                        .anyMatch(message -> message.method().equals("inbox")
                                && message.id().toString().equals(inboxMessage)),
                "the inbox message is listed");
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
        assertEquals(List.of("smtp", "webhook"), dispatchMethods.get().available());
    }

    @Test
    void pagesOfTwentyFiveNewestFirstWithFiltersAndAnUnreadCountOverEverything() throws Exception {
        var bo = person("Bo Pages");
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        var batch = new ArrayList<Event>();
        for (int i = 0; i < 30; i++) {
            var targets = i % 3 == 0 ? List.of(a, b) : i % 3 == 1 ? List.of(a) : List.<UUID>of();
            batch.add(Event.of(i < 20 ? WORKSPACE_DELETED : WORKSPACE_DORMANT, bo.id(), Map.of("name", "ws-" + i))
                    .withTargets(targets));
        }
        Clients.assertAnswered(200, events.reportAll(new Batch(batch)));
        awaitUnread(bo, 30);

        var firstItems = list(bo).notifications();
        assertEquals(25, firstItems.size());
        var secondItems =
                Filters.NONE.page(bo, firstItems.get(24).id().toString()).notifications();
        assertEquals(5, secondItems.size());
        var all = new ArrayList<>(firstItems);
        all.addAll(secondItems);
        assertEquals(30, new HashSet<>(all.stream().map(Item::id).toList()).size(), "no repeats");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).createdAt().compareTo(all.get(i).createdAt()) >= 0, "newest first");
        }
        assertEquals(
                0,
                Filters.NONE
                        .page(bo, secondItems.get(4).id().toString())
                        .notifications()
                        .size());

        // targets: every one given must be among the item's; templates: any of them.
        assertEquals(20, countOn(bo, Filters.targets(a.toString())));
        assertEquals(10, countOn(bo, Filters.targets(a + "," + b)));
        assertEquals(10, countOn(bo, Filters.templates(WORKSPACE_DORMANT)));
        assertEquals(30, countOn(bo, Filters.templates(WORKSPACE_DORMANT + "," + WORKSPACE_DELETED)));

        // read_status, and unread_count whatever the filters say.
        secondItems
                .subList(0, 3)
                .forEach(item -> bo.inbox().readStatus(item.id().toString(), new ReadStatus(true)));
        assertEquals(3, countOn(bo, Filters.readStatus("read")));
        assertEquals(27, countOn(bo, Filters.readStatus("unread")));
        assertEquals(30, countOn(bo, Filters.readStatus("all")));
        var filtered = new Filters(null, WORKSPACE_DORMANT, "read").page(bo, null);
        assertEquals(27, filtered.unreadCount());
    }

    /** How many items the filters select, walking every page. */
    static int countOn(Person person, Filters filters) {
        var count = 0;
        String startingBefore = null;
        while (true) {
            var items = filters.page(person, startingBefore).notifications();
            count += items.size();
            if (items.size() < 25) {
                return count;
            }
            startingBefore = items.get(24).id().toString();
        }
    }

    @Test
    void readStatusMarkAllAndOnlyTheCallersOwnItems() throws Exception {
        var cy = person("Cy Reader");
        var dee = person("Dee Other");
        var first = idOf(event(WORKSPACE_DELETED, cy.id(), "r-1", List.of()), "inbox");
        var second = idOf(event(WORKSPACE_DELETED, cy.id(), "r-2", List.of()), "inbox");
        var others = idOf(event(WORKSPACE_DELETED, dee.id(), "r-3", List.of()), "inbox");
        awaitUnread(cy, 2);
        awaitUnread(dee, 1);

        var read = cy.inbox().readStatus(first, new ReadStatus(true));
        assertEquals(first, read.notification().id().toString());
        assertNotNull(read.notification().readAt());
        assertEquals(1, read.unreadCount());
        var unread = cy.inbox().readStatus(first, new ReadStatus(false));
        assertNull(unread.notification().readAt());
        assertEquals(2, unread.unreadCount());

        // Another user's item is as unknown as an item that never existed.
        for (var id : List.of(others, UUID.randomUUID().toString())) {
            assertThrows(NotFoundException.class, () -> cy.inbox().readStatus(id, new ReadStatus(true)));
        }
        assertEquals(1, list(dee).unreadCount(), "untouched");
        // A string where the boolean belongs: the typed ReadStatus cannot send it.
        cy.plain()
                .request()
                .body(Map.of("is_read", "yes"))
                .put("/notifications/inbox/" + second + "/read-status")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("is_read"));
        Clients.assertRefusedNaming("id", () -> cy.inbox().readStatus("not-a-uuid", new ReadStatus(true)));

        Clients.assertAnswered(204, cy.inbox().markAllAsRead());
        var after = list(cy);
        assertEquals(0, after.unreadCount());
        assertTrue(after.notifications().stream().map(Item::readAt).allMatch(Objects::nonNull));
        assertEquals(1, list(dee).unreadCount(), "only the caller's items");
        // Without credentials there is no inbox.
        assertThrows(
                NotAuthorizedException.class,
                () -> Clients.anonymous(InboxApi.class).list(null, null, null, null));
    }

    @Test
    void badParametersAreRefusedNamingThemBeforeAnyUpgrade() throws Exception {
        var eve = person("Eve Params");
        var someoneElses = idOf(event(WORKSPACE_DELETED, person("Fay").id(), "p", List.of()), "inbox");
        awaitSent(someoneElses);
        // A parameter the list does not know: the typed interface has no way to send it.
        eve.plain()
                .request()
                .queryParam("colour", "blue")
                .get("/notifications/inbox")
                .then()
                .statusCode(400)
                .body("validations[0].field", org.hamcrest.Matchers.equalTo("colour"));
        Clients.assertRefusedNaming("read_status", () -> eve.inbox().list(null, null, "maybe", null));
        Clients.assertRefusedNaming("targets", () -> eve.inbox().list("not-a-uuid", null, null, null));
        Clients.assertRefusedNaming("templates", () -> eve.inbox().list(null, WORKSPACE_DELETED + ",x", null, null));
        Clients.assertRefusedNaming("starting_before", () -> eve.inbox().list(null, null, null, "12"));
        Clients.assertRefusedNaming("starting_before", () -> eve.inbox().list(null, null, null, someoneElses));
        // The watch's own parameter, and the list's that the watch does not take.
        for (var query : List.of("format=html", "starting_before=" + someoneElses, "read_status=maybe")) {
            var field = query.substring(0, query.indexOf('='));
            eve.plain()
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
        eve.plain().request().get("/notifications/inbox/watch").then().statusCode(400);
    }

    @Test
    void newItemsReachEveryMatchingWatchAndNoOtherOverWebSocketAndEventStream() throws Exception {
        var gus = person("Gus Watcher");
        var hal = person("Hal Elsewhere");
        var bearer = "Bearer " + gus.token();
        try (var tab1 = new InboxStream.OverWebSocket(service, "", "Authorization", bearer);
                var tab2 = new InboxStream.OverWebSocket(service, "", "Authorization", bearer);
                var plain = new InboxStream.OverEventStream(
                        service, "format=plaintext&templates=" + WORKSPACE_DELETED, "Authorization", bearer);
                var other = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + hal.token())) {
            assertEquals(200, plain.status());
            for (var watch : List.of(tab1, tab2, plain, other)) {
                watch.awaitRegistered();
            }
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
            socket.awaitRegistered();
            events.awaitRegistered();
            // Counted against the gauge as it is with these two open: another class's watch ending meanwhile only
            // lowers it further.
            var open = watchers();
            var reason = socket.ended.get(25, TimeUnit.SECONDS);
            assertTrue(reason.startsWith("1001 the credential of this watch expired"), reason);
            assertEquals(200, events.status());
            assertEquals("end of stream", events.ended.get(25, TimeUnit.SECONDS));
            awaitWatchers(count -> count <= open - 2, "at most " + (open - 2));
        }
        // Clients that leave: a WebSocket closed, an event stream dropped without a word.
        var socket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + ivy.token());
        var events = new InboxStream.OverEventStream(service, "", "Authorization", "Bearer " + ivy.token());
        socket.awaitRegistered();
        events.awaitRegistered();
        var open = watchers();
        socket.close();
        events.close();
        // The dropped stream is found at its next write: the next item, or at the latest the next ping.
        idOf(event(WORKSPACE_DELETED, ivy.id(), "gone", List.of()), "inbox");
        awaitWatchers(count -> count <= open - 2, "at most " + (open - 2));
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
        // Longer than a ping period (15 s): a dropped event stream is found at its next write.
        var deadline = Instant.now().plus(Duration.ofSeconds(40));
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
        Clients.assertAnswered(200, templates.setMethod(WORKSPACE_DORMANT, new MethodChoice("inbox")));
        try {
            var onlyInbox = event(WORKSPACE_DORMANT, jo.id(), "only-inbox", List.of());
            assertEquals(List.of("inbox"), onlyInbox.methods(), "the inbox only");
            awaitSent(idOf(onlyInbox, "inbox"));
        } finally {
            Clients.assertAnswered(200, templates.setMethod(WORKSPACE_DORMANT, new MethodChoice("")));
        }
        // A disabled template makes no inbox item either, and the recipient is skipped once.
        Clients.as(jo.token(), PreferencesApi.class)
                .set(jo.id().toString(), new Choices(Map.of(WORKSPACE_DELETED, true)));
        var skipped = event(WORKSPACE_DELETED, jo.id(), "disabled", List.of());
        assertEquals(List.of(), skipped.messages());
        assertEquals(1, skipped.skipped().size());
        assertEquals("disabled", skipped.skipped().get(0).reason());
        assertEquals(1, list(jo).notifications().size(), "only the inbox-only item");
    }

    @Test
    void aRedeliveryAfterAnExpiredLeaseAddsNothing() throws Exception {
        var kim = person("Kim Twice");
        try (var socket = new InboxStream.OverWebSocket(service, "", "Authorization", "Bearer " + kim.token());
                var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "UPDATE notification_messages SET status = 'leased', leased_until = now() - interval '1 second'"
                                + " WHERE id = ?::uuid")) {
            socket.awaitRegistered();
            var id = idOf(event(WORKSPACE_DELETED, kim.id(), "twice", List.of()), "inbox");
            awaitSent(id);
            // Announced after its transaction committed, so the frame may come just after the status says sent.
            assertEquals(
                    id,
                    socket.expectNext(PATIENCE).getJsonObject("notification").getString("id"));
            // As if the replica that delivered it died before it recorded the result: its lease expired.
            statement.setString(1, id);
            assertEquals(1, statement.executeUpdate());
            var redelivered = Api.eventually(PATIENCE, () -> {
                var message = messages.find(id);
                return message.attemptCount() >= 2 && "sent".equals(message.status());
            });
            assertTrue(redelivered, () -> "redelivered: " + messages.find(id));
            assertEquals(1, list(kim).notifications().size());
            // A second item would be announced before the next one delivered to Kim: the announcer sends in order.
            var next = idOf(event(WORKSPACE_DELETED, kim.id(), "after", List.of()), "inbox");
            awaitSent(next);
            var frame = socket.expectNext(PATIENCE);
            assertEquals(2, list(kim).notifications().size());
            assertEquals(next, frame.getJsonObject("notification").getString("id"), "no frame for the redelivery");
            assertEquals(2, frame.getInt("unread_count"), () -> "the frame after the redelivery: " + frame);
        }
    }
}
