package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.delivery.smtp.TestRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Faults, each on a database of its own, with the counts printed: the webhook endpoint and the SMTP relay down
 * for several retry intervals and then back; a replica stopped (SIGTERM) in the middle of a batch; a backlog of
 * 100,000 messages on a replica with a 256 MB heap.
 */
class FaultsIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";

    @Test
    void theEndpointAndTheRelayDownForSeveralRetriesThenBackDeliverEverything() throws Exception {
        int webhookPort = ServiceProcess.freePort();
        int smtpPort = ServiceProcess.freePort();
        var settings = new HashMap<>(SharedService.patientSettings());
        settings.put("CODER_PG_CONNECTION_URL", TestDatabase.fresh("faults_down"));
        settings.put("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "http://127.0.0.1:" + webhookPort + "/hook");
        settings.put("CODER_EMAIL_FROM", "notifications@example.com");
        settings.put("CODER_EMAIL_SMARTHOST", "127.0.0.1:" + smtpPort);
        settings.put("CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS", "10");
        settings.put("CODER_NOTIFICATIONS_RETRY_INTERVAL", "1s");
        try (var service = ServiceProcess.start("faults-down", settings)) {
            var api = new Api(service);
            var user = api.user("Dana Down", "owner");
            api.request()
                    .body(Map.of("method", "smtp"))
                    .put("/notifications/templates/" + TEMPLATE_DELETED + "/method")
                    .then()
                    .statusCode(200);
            var webhooks = new ArrayList<String>();
            var emails = new ArrayList<String>();
            for (int i = 0; i < 20; i++) {
                webhooks.add(api.event(Map.of(
                                "template",
                                "Workspace Deleted",
                                "user_id",
                                user.toString(),
                                "labels",
                                Map.of("name", "down-" + i)))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("messages[0].id")
                        .toString());
                emails.add(api.event(Map.of(
                                "template",
                                "Template Deleted",
                                "recipients",
                                List.of(user.toString()),
                                "labels",
                                Map.of("name", "down-" + i, "initiator", "x")))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("messages[0].id")
                        .toString());
            }
            // Down for at least two tries of each kind (retry interval 1 s): waited for, not timed.
            assertTrue(
                    Api.eventually(
                            Duration.ofSeconds(60),
                            () -> (Integer) api.message(webhooks.get(0)).get("attempt_count") >= 2
                                    && (Integer) api.message(emails.get(0)).get("attempt_count") >= 2),
                    "retried while down");
            var triedBefore = api.message(webhooks.get(0)).get("attempt_count");
            try (var receiver = new WebhookReceiver(webhookPort);
                    var relay = TestRelay.plainOn(smtpPort)) {
                for (var id : webhooks) {
                    api.awaitStatus(id, "sent", Duration.ofSeconds(60));
                }
                for (var id : emails) {
                    api.awaitStatus(id, "sent", Duration.ofSeconds(60));
                }
                var attempts = new ArrayList<Integer>();
                webhooks.forEach(id -> attempts.add((Integer) api.message(id).get("attempt_count")));
                emails.forEach(id -> attempts.add((Integer) api.message(id).get("attempt_count")));
                var webhookDeliveries = receiver.deliveredTo(user).stream()
                        .map(document -> document.getString("msg_id"))
                        .toList();
                System.out.printf(
                        "endpoint and relay down for two tries or more, retry 1 s, 10 attempts: webhooks %d accepted, %d delivered, %d lost, %d"
                                + " duplicated; emails %d accepted, %d delivered; attempts per message %d..%d (first message had %s before)%n",
                        webhooks.size(),
                        webhookDeliveries.stream().distinct().count(),
                        webhooks.size() - webhookDeliveries.stream().distinct().count(),
                        webhookDeliveries.size()
                                - webhookDeliveries.stream().distinct().count(),
                        emails.size(),
                        relay.received.size(),
                        attempts.stream().min(Integer::compare).orElse(0),
                        attempts.stream().max(Integer::compare).orElse(0),
                        triedBefore);
                assertTrue((Integer) triedBefore >= 2, "retried while down: " + triedBefore);
                assertTrue(
                        attempts.stream().allMatch(count -> count >= 2 && count <= 10),
                        "attempts as configured: " + attempts);
                assertEquals(webhooks.size(), webhookDeliveries.size(), "each webhook delivered once");
                assertEquals(emails.size(), relay.received.size(), "each email delivered once");
            }
        }
    }

    @Test
    void aReplicaStoppedInTheMiddleOfABatchLosesAndRepeatsNothing() throws Exception {
        var database = TestDatabase.fresh("faults_sigterm");
        // A send that overran its timeout may have arrived and is sent again: at least once, by design. The
        // receiver's 1.5 s must stay far inside the timeout even on a busy machine, or such retries would count
        // here as the stop's duplicates.
        var settings = new HashMap<>(SharedService.patientSettings());
        settings.put("CODER_PG_CONNECTION_URL", database);
        var first = ServiceProcess.start("faults-sigterm-a", settings);
        var api = new Api(first);
        var user = api.user("Sigrun Term", "member");
        SharedService.RECEIVER.delay(user, Duration.ofMillis(1500));
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 60; i++) {
            events.add(Map.of(
                    "template",
                    "Workspace Deleted",
                    "user_id",
                    user.toString(),
                    "labels",
                    Map.of("name", "term-" + i)));
        }
        List<String> ids = api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results.messages.flatten().findAll { it.method == 'webhook' }.id", String.class);
        awaitArrivals(ids, 1);
        first.stop();
        assertTrue(
                first.output().matches("(?s).*notifications: notifier \\w+ stopped, \\d+ results written.*"),
                "the service logs its own stop");
        // The stop hands back what it had not started: nothing waits for a lease period to end.
        try (var connection =
                TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), database.replaceAll(".*/([^?]+).*", "$1"))) {
            assertEquals(
                    List.of(),
                    TestDatabase.column(connection, "SELECT id FROM notification_messages WHERE status = 'leased'"),
                    "messages left leased by a graceful stop");
        }
        try (var second = ServiceProcess.start("faults-sigterm-b", settings)) {
            var other = new Api(second);
            for (var id : ids) {
                other.awaitStatus(id, "sent", Duration.ofSeconds(90));
            }
            var deliveries = SharedService.RECEIVER.deliveredTo(user).stream()
                    .collect(Collectors.groupingBy(document -> document.getString("msg_id"), Collectors.counting()));
            var duplicated =
                    deliveries.values().stream().filter(count -> count > 1).count();
            System.out.printf(
                    "SIGTERM in the middle of a batch: %d accepted, %d delivered, %d lost, %d duplicated%n",
                    ids.size(), deliveries.size(), ids.size() - deliveries.size(), duplicated);
            assertEquals(ids.size(), deliveries.size(), "nothing lost");
            assertEquals(0, duplicated, "nothing sent twice");
            // Whatever the timing: never more deliveries than attempts recorded (a lost result would show as two
            // deliveries of one attempt).
            for (var id : ids) {
                var attempts = (Integer) other.message(id).get("attempt_count");
                assertTrue(deliveries.get(id) <= attempts, id + ": " + deliveries.get(id) + " deliveries, " + attempts);
            }
        }
    }

    @Test
    void aBacklogOfOneHundredThousandMessagesIsDeliveredInA256MbHeap() throws Exception {
        var database = TestDatabase.fresh("faults_backlog");
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put("CODER_PG_CONNECTION_URL", database);
        settings.put("CODER_NOTIFICATIONS_LEASE_COUNT", "200");
        settings.put("CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE", "400");
        settings.put("SERVICE_HEAP", "256m");
        var counter = new CountingReceiver();
        settings.put("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", counter.endpoint());
        try (counter;
                var service = ServiceProcess.start("faults-backlog", settings)) {
            var api = new Api(service);
            api.pause(true);
            var user = api.user("Bea Backlog", "member");
            var sample = UUID.fromString(api.event(Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("name", "backlog")))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("messages[0].id")
                    .toString());
            var name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
            try (var connection = TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), name);
                    var statement = connection.createStatement()) {
                // 99,999 copies of a real message, each with an id of its own, in one statement.
                statement.execute("""
                        INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by, payload, targets)
                        SELECT gen_random_uuid(), notification_template_id, user_id, method, 'backlog', payload, targets
                        FROM notification_messages, generate_series(1, 99999) WHERE id = '%s'""".formatted(sample));
            }
            var started = Instant.now();
            api.pause(false);
            var deadline = started.plus(Duration.ofMinutes(6));
            long peakKb = 0;
            int delivered = 0;
            while (Instant.now().isBefore(deadline)) {
                delivered = counter.distinct();
                peakKb = Math.max(peakKb, residentKb(service.pid()));
                if (delivered >= 100_000) {
                    break;
                }
                Api.sleep(1000);
            }
            var seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            System.out.printf(
                    "backlog of 100,000 on a 256 MB heap: %d delivered in %.0f s (%.0f/s), %d requests (%d duplicated),"
                            + " resident memory at most %d MB%n",
                    delivered,
                    seconds,
                    delivered / seconds,
                    counter.requests(),
                    counter.requests() - delivered,
                    peakKb / 1024);
            assertEquals(100_000, delivered, "all delivered");
            assertTrue(
                    service.output().lines().noneMatch(line -> line.contains("OutOfMemoryError")),
                    "no OutOfMemoryError");
        }
    }

    /** A receiver that only counts: requests, and distinct message ids. */
    static final class CountingReceiver implements AutoCloseable {
        private static final java.util.regex.Pattern ID =
                java.util.regex.Pattern.compile("\"msg_id\":\"([0-9a-f-]{36})\"");
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger requests =
                new java.util.concurrent.atomic.AtomicInteger();

        CountingReceiver() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/hook", exchange -> {
                var body =
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                var matcher = ID.matcher(body);
                if (matcher.find()) {
                    ids.add(matcher.group(1));
                }
                requests.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        int distinct() {
            return ids.size();
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void awaitArrivals(List<String> ids, int atLeast) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ids.stream()
                        .filter(id -> SharedService.RECEIVER.arrivals(id) > 0)
                        .count()
                < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no send started");
            }
            Api.sleep(50);
        }
    }

    /** The peak resident memory of a process, from /proc (0 where there is no /proc). */
    private static long residentKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
