package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas on one database: two started at the same moment on an empty database migrate it once, without
 * corruption; each message is delivered once in normal operation; a replica killed while it holds leases loses
 * nothing, because the other delivers those messages once the leases end; a replica that stops gracefully finishes
 * its batch and writes the results first.
 */
class ReplicasDeliveryIT {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void twoReplicasStartingTogetherMigrateOnceAndDeliverEveryMessageExactlyOnce() throws Exception {
        var database = freshDatabase();
        // The spinners below starve this JVM's webhook receiver too: an answer may really take longer than the
        // suite's 3-s dispatch timeout, and a send that times out is retried (at least once, by design). Long
        // timeouts keep the test about what it checks: no send times out early or is sent twice while waiting.
        var patient = Map.of("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "20s", "CODER_NOTIFICATIONS_LEASE_PERIOD", "60s");
        // Started at the same moment on the empty database, one naming it in Coder's form, the other in JDBC form:
        // both must reach it, and its migrations must be applied once.
        int port = TestDatabase.port(ServiceProcess.WORK.resolve("cache"));
        var first = CompletableFuture.supplyAsync(() -> replicaAt(
                "exactly-once-a",
                "postgres://postgres@127.0.0.1:" + port + "/" + database + "?sslmode=disable",
                patient));
        var second = CompletableFuture.supplyAsync(() -> replicaAt(
                "exactly-once-b", "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres", patient));
        try (var a = first.join();
                var b = second.join()) {
            assertEachMigrationAppliedOnce(database);
            var api = new Api(a);
            // Three runs of 1000 messages while the CPU is kept busy: with the sends of both replicas competing for
            // the two cores, a send that waits for a worker must neither time out early nor be sent twice.
            var busy = new java.util.concurrent.atomic.AtomicBoolean(true);
            var spinners = java.util.stream.IntStream.range(
                            0, Runtime.getRuntime().availableProcessors())
                    .mapToObj(i -> {
                        var spinner = new Thread(
                                () -> {
                                    long x = 0;
                                    while (busy.get()) {
                                        x += System.nanoTime() % 7;
                                    }
                                },
                                "busy-" + i);
                        spinner.setDaemon(true);
                        spinner.start();
                        return spinner;
                    })
                    .toList();
            try {
                for (int run = 1; run <= 3; run++) {
                    var user = api.user("Many " + run);
                    var ids = enqueue(api, user, 1000);
                    awaitAllSent(database, ids);
                    // Nothing more must arrive: every message is sent and recorded, so a duplicate could only be a
                    // send already under way, and each takes a few milliseconds against this local receiver.
                    Api.sleep(1000);
                    var deliveries = RECEIVER.deliveredTo(user).stream()
                            .collect(Collectors.groupingBy(
                                    document -> document.getString("msg_id"), Collectors.counting()));
                    var duplicated = deliveries.values().stream()
                            .filter(count -> count > 1)
                            .count();
                    System.out.printf(
                            "exactly once, run %d: %d accepted, %d delivered, %d lost, %d duplicated%n",
                            run, ids.size(), deliveries.size(), ids.size() - deliveries.size(), duplicated);
                    assertEquals(ids.size(), deliveries.size(), "every message arrived");
                    assertEquals(
                            0,
                            duplicated,
                            "messages that arrived twice: "
                                    + deliveries.entrySet().stream()
                                            .filter(entry -> entry.getValue() > 1)
                                            .toList());
                }
            } finally {
                busy.set(false);
                spinners.forEach(spinner -> {
                    try {
                        spinner.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertNoClientLeftForTheCollector(a, b);
            var user = api.user("Racing");

            // The same event reported to both replicas at the same moment is stored once.
            var event = Map.<String, Object>of(
                    "template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "racing"));
            var viaA = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.event(event).then().statusCode(202).extract().jsonPath());
            var viaB = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    new Api(b).event(event).then().statusCode(202).extract().jsonPath());
            int created = viaA.join().getList("messages").size()
                    + viaB.join().getList("messages").size();
            assertEquals(1, created, "the identical event was stored " + created + " times");

            // With CODER_NOTIFICATIONS_INBOX_ENABLED=false nobody gets an inbox item, and a template set to the
            // inbox falls back to the deployment's method.
            var mine = api.as(Api.token(user, "member"));
            mine.request()
                    .get("/notifications/inbox")
                    .then()
                    .statusCode(200)
                    .body("notifications", org.hamcrest.Matchers.hasSize(0));
            var dormant = "/notifications/templates/0ea69165-ec14-4314-91f1-69566ac3c5a0/method";
            api.request().body(Map.of("method", "inbox")).put(dormant).then().statusCode(200);
            api.event(Map.of("template", "Workspace Marked as Dormant", "user_id", user.toString()))
                    .then()
                    .statusCode(202)
                    .body("messages.method", org.hamcrest.Matchers.equalTo(List.of("webhook")));
        }
    }

    @Test
    void messagesLeasedByAKilledReplicaAreDeliveredByTheOther() throws Exception {
        var database = freshDatabase();
        // Sends of 2.5 s stay far inside the timeout on a busy machine (one that overran 3 s would be retried, and
        // three such a permanent failure); the lease still expires soon enough for the survivor to take over.
        var slowSends = Map.of("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "8s", "CODER_NOTIFICATIONS_LEASE_PERIOD", "12s");
        var starting = CompletableFuture.supplyAsync(() -> replica("victim", database, slowSends));
        try (var survivor = replica("survivor", database, slowSends)) {
            var victim = starting.join();
            var api = new Api(victim);
            var user = api.user("Slow Sally");
            RECEIVER.delay(user, Duration.ofMillis(2500));
            var ids = enqueue(api, user, 8);
            awaitLeasedByBoth(database);
            victim.kill();
            awaitAllSent(database, ids);
            var deliveries = RECEIVER.deliveredTo(user).stream()
                    .map(document -> document.getString("msg_id"))
                    .toList();
            var delivered = deliveries.stream().distinct().toList();
            // At least once under this fault: what the killed replica had sent but not yet recorded is sent again.
            System.out.printf(
                    "kill -9 with leases held: %d accepted, %d delivered, %d lost, %d duplicated%n",
                    ids.size(),
                    delivered.size(),
                    ids.stream().filter(id -> !delivered.contains(id)).count(),
                    deliveries.size() - delivered.size());
            assertTrue(delivered.containsAll(ids), "a message was lost: " + delivered.size() + " of " + ids.size());
        }
    }

    @Test
    void aGracefulStopFinishesTheBatchInFlightAndWritesItsResults() throws Exception {
        var database = freshDatabase();
        // A send of 1.5 s that overran the shared 3 s timeout would leave a temporary failure, not the stop's fault.
        var replica = replica("graceful", database, SharedService.patientSettings());
        var api = new Api(replica);
        var user = api.user("Graceful Grace");
        RECEIVER.delay(user, Duration.ofMillis(1500));
        var ids = enqueue(api, user, 2);
        awaitStatusCount(database, "leased", 2);
        replica.stop();
        try (var connection = connect(database)) {
            assertEquals(
                    List.of("sent"),
                    TestDatabase.column(connection, "SELECT DISTINCT status FROM notification_messages"));
        }
    }

    private static List<String> enqueue(Api api, UUID user, int count) {
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            events.add(Map.of(
                    "template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "ws-" + i)));
        }
        return api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results.messages.flatten().id", String.class);
    }

    /**
     * The server's JAX-RS client makes its HTTP engine at its first request, and webhook sends that started together
     * each made one: the garbage collector then logged a RESTEASY004687 warning for each engine left unclosed (as many
     * as the sends that started with the first, 3 per replica here, 399 for a lease count of 200). After a collection
     * of each replica's heap, no such warning.
     */
    private static void assertNoClientLeftForTheCollector(ServiceProcess... replicas) throws Exception {
        var jcmd = java.nio.file.Path.of(
                        ProcessHandle.current().info().command().orElseThrow())
                .resolveSibling("jcmd")
                .toString();
        for (var replica : replicas) {
            var gc = new ProcessBuilder(jcmd, Long.toString(replica.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertTrue(gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "jcmd GC.run ended");
        }
        // The collector's cleaner thread runs after the collection and logs within moments.
        Api.sleep(2000);
        for (var replica : replicas) {
            var warnings = replica.output()
                    .lines()
                    .filter(line -> line.contains("RESTEASY004687"))
                    .toList();
            assertTrue(warnings.isEmpty(), warnings.size() + " clients left unclosed:\n" + String.join("\n", warnings));
        }
    }

    /** Two replicas starting at once applied each migration once, and the system templates are there once each. */
    private static void assertEachMigrationAppliedOnce(String database) throws Exception {
        try (var connection = connect(database)) {
            var applied = TestDatabase.column(
                    connection,
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
            assertEquals(List.copyOf(new java.util.LinkedHashSet<>(applied)), applied, "a migration was applied twice");
            assertEquals(
                    TestDatabase.column(connection, "SELECT count(*) FROM notification_templates"),
                    List.of(Integer.toString(SchemaIT.SYSTEM_TEMPLATES.size() + 1)));
            assertEquals(
                    List.of("0"),
                    TestDatabase.column(connection, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
        }
    }

    private static ServiceProcess replica(String name, String database) {
        return replica(name, database, Map.of());
    }

    private static ServiceProcess replica(String name, String database, Map<String, String> overrides) {
        return replicaAt(
                name,
                "postgres://postgres@127.0.0.1:" + TestDatabase.port(ServiceProcess.WORK.resolve("cache")) + "/"
                        + database + "?sslmode=disable",
                overrides);
    }

    private static ServiceProcess replicaAt(String name, String databaseUrl, Map<String, String> overrides) {
        var settings = new HashMap<>(SharedService.SETTINGS);
        // These replicas are about the webhooks' exactly-once under load and kills; the inbox would double every
        // queue. Its items across replicas are InboxPageIT's, its writes' idempotence InboxIT's.
        settings.put("CODER_NOTIFICATIONS_INBOX_ENABLED", "false");
        settings.putAll(overrides);
        settings.put("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", RECEIVER.endpoint());
        settings.put("CODER_NOTIFICATIONS_LEASE_COUNT", "2");
        settings.put("CODER_PG_CONNECTION_URL", databaseUrl);
        return ServiceProcess.start(name, settings);
    }

    private static String freshDatabase() throws Exception {
        SharedService.get();
        var database = "replicas_" + System.nanoTime();
        try (var admin = TestDatabase.connect();
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return database;
    }

    private static Connection connect(String database) throws Exception {
        return TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), database);
    }

    /** Waits until every one of these messages is sent (others in the database do not count). */
    private static void awaitAllSent(String database, List<String> ids) throws Exception {
        await(
                database,
                "SELECT count(*) FROM notification_messages WHERE status = 'sent' AND id = ANY ('"
                        + ids.stream().collect(Collectors.joining(",", "{", "}")) + "'::uuid[])",
                value -> Integer.parseInt(value) >= ids.size(),
                "sent messages: " + ids.size());
    }

    private static void awaitStatusCount(String database, String status, int count) throws Exception {
        await(
                database,
                "SELECT count(*) FROM notification_messages WHERE status = '" + status + "'",
                value -> Integer.parseInt(value) >= count,
                status + " messages: " + count);
    }

    private static void awaitLeasedByBoth(String database) throws Exception {
        await(
                database,
                "SELECT count(DISTINCT status_reason) FROM notification_messages WHERE status = 'leased'",
                value -> Integer.parseInt(value) == 2,
                "leases held by both replicas");
    }

    private static void await(String database, String sql, Function<String, Boolean> done, String what)
            throws Exception {
        try (var connection = connect(database)) {
            if (!Api.eventually(
                    PATIENCE,
                    () -> done.apply(TestDatabase.column(connection, sql).get(0)))) {
                throw new AssertionError("timed out waiting for " + what + "; statuses: "
                        + TestDatabase.column(
                                connection,
                                "SELECT status || ' ' || count(*) FROM notification_messages GROUP BY status"));
            }
        }
    }
}
