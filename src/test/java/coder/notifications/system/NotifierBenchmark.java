package coder.notifications.system;

import coder.notifications.messages.MessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers, not assertions: run with
 * {@code mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotifierBenchmark}.
 * Prints the plan of the lease over one million pending messages (as a generic prepared statement, the way
 * PgJDBC runs it after five executions) and the delay from enqueue to webhook delivery on an idle service.
 */
class NotifierBenchmark {

    @Test
    void leasePlanWithOneMillionPendingMessages() throws Exception {
        SharedService.get();
        var database = "bench_" + System.nanoTime();
        try (var admin = TestDatabase.connect();
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (var connection = TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), database);
                var statement = connection.createStatement()) {
            // Every migration, in version order: the schema the service itself would have.
            try (var scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
                for (var script : scripts.filter(
                                path -> path.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted(java.util.Comparator.comparingInt(path -> Integer.parseInt(path.getFileName()
                                .toString()
                                .substring(1, path.getFileName().toString().indexOf("__")))))
                        .toList()) {
                    statement.execute(Files.readString(script));
                }
            }
            statement.execute(
                    "INSERT INTO users (id, username) VALUES ('00000000-0000-4000-8000-000000000001', 'bench')");
            long started = System.nanoTime();
            statement.execute("""
                    INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by, payload,
                                                       status, created_at, dedupe_hash)
                    SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed', '00000000-0000-4000-8000-000000000001',
                           'webhook', 'bench', '{}', CASE WHEN n % 10 = 0 THEN 'sent' ELSE 'pending' END,
                           now() - (n || ' seconds')::interval, n::text
                    FROM generate_series(1, 1100000) AS n""");
            statement.execute("ANALYZE notification_messages");
            System.out.printf(
                    "%ninserted 1,100,000 messages (990,000 pending) in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute(
                    "PREPARE lease(text, int, int, bigint) AS " + MessageStore.LEASE.replaceAll("\\?(\\d)", "\\$$1"));
            statement.execute("BEGIN");
            try (var plan =
                    statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE lease('bench', 20, 5, 120000)")) {
                System.out.println("lease of 20 with 990,000 pending (generic plan):");
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
            statement.execute("ROLLBACK");
            var timings = new ArrayList<Long>();
            for (int i = 0; i < 50; i++) {
                statement.execute("BEGIN");
                long start = System.nanoTime();
                statement.execute("EXECUTE lease('bench', 20, 5, 120000)");
                timings.add((System.nanoTime() - start) / 1000);
                statement.execute("ROLLBACK");
            }
            Collections.sort(timings);
            System.out.printf("lease of 20, 50 runs: median %d µs, max %d µs%n", timings.get(25), timings.get(49));
        } finally {
            try (var admin = TestDatabase.connect();
                    var statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void throughputOfOneReplicaByWebhook() {
        var api = new Api(SharedService.get());
        var user = api.user("Throughput");
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1000; i++) {
            events.add(Map.of(
                    "template",
                    "Workspace Deleted",
                    "user_id",
                    user.toString(),
                    "labels",
                    Map.of("name", "load-" + i)));
        }
        long start = System.nanoTime();
        api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200);
        long enqueued = System.nanoTime();
        SharedService.RECEIVER.awaitDelivered(user, 1000, Duration.ofMinutes(5));
        long delivered = System.nanoTime();
        System.out.printf(
                "%n1000 events: enqueued in one batch in %d ms, all delivered by webhook %d ms later (%.0f messages/s)%n",
                (enqueued - start) / 1_000_000,
                (delivered - enqueued) / 1_000_000,
                1000 / ((delivered - enqueued) / 1e9));
    }

    @Test
    void delayFromEnqueueToWebhookOnAnIdleService() {
        var api = new Api(SharedService.get());
        var user = api.user("Speedy");
        var delays = new ArrayList<Long>();
        for (int i = 0; i < 20; i++) {
            Api.sleep(300);
            long start = System.nanoTime();
            api.event(Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("name", "fast-" + i)))
                    .then()
                    .statusCode(202);
            SharedService.RECEIVER.awaitDelivered(user, i + 1, Duration.ofSeconds(30));
            delays.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(delays);
        System.out.printf(
                "%nenqueue to webhook delivery, 20 messages on an idle service: median %d ms, max %d ms%n",
                delays.get(10), delays.get(19));
    }
}
