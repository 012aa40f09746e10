package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL of the test's own is stopped and started again under load: while it is away the API answers
 * 503 with Retry-After (never 500) and readiness is 503; afterwards everything recovers by itself, and every
 * event accepted before, during or after is delivered.
 */
class DatabaseOutageIT {

    @Test
    void anOutageOfTheDatabaseLosesNothingAndAnswers503() throws Exception {
        SharedService.get();
        var data = ServiceProcess.WORK.resolve("outage-db").toAbsolutePath();
        deleteRecursively(data);
        int port = freePort();
        var database = start(data, port);
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put("CODER_PG_CONNECTION_URL", "postgres://postgres@127.0.0.1:" + port + "/postgres?sslmode=disable");
        try (var service = ServiceProcess.start("outage", settings)) {
            var api = new Api(service);
            var user = api.user("Otto Outage", "member");
            var accepted = ConcurrentHashMap.<String>newKeySet();
            var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
            var missingRetryAfter = new AtomicInteger();
            var running = new AtomicBoolean(true);
            var load = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        var response = api.event(Map.of(
                                "template",
                                "Workspace Deleted",
                                "user_id",
                                user.toString(),
                                "labels",
                                Map.of("name", "outage-" + i)));
                        statuses.computeIfAbsent(response.statusCode(), code -> new AtomicInteger())
                                .incrementAndGet();
                        if (response.statusCode() == 202) {
                            accepted.add(response.jsonPath().getString("messages[0].id"));
                        } else if (response.statusCode() == 503 && response.header("Retry-After") == null) {
                            missingRetryAfter.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        statuses.computeIfAbsent(-1, code -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    Api.sleep(25);
                }
            });
            load.start();
            // The scenario's phases are lengths of time, not waits for an outcome: load before the outage, the
            // outage itself (longer than the pool's connection timeout, so requests meet a dead database), and load
            // after the recovery. Each outcome is then waited for with a deadline.
            Api.sleep(3000);
            database.close();
            var readinessDuringOutage = awaitReadiness(service, 503);
            Api.sleep(6000);
            database = start(data, port);
            var readinessAfter = awaitReadiness(service, 200);
            Api.sleep(4000);
            running.set(false);
            load.join();

            var deadline = Instant.now().plus(Duration.ofSeconds(90));
            Set<String> delivered = Set.of();
            while (Instant.now().isBefore(deadline)) {
                delivered = SharedService.RECEIVER.deliveredTo(user).stream()
                        .map(document -> document.getString("msg_id"))
                        .collect(Collectors.toSet());
                if (delivered.containsAll(accepted)) {
                    break;
                }
                Api.sleep(250);
            }
            var lost = accepted.stream()
                    .filter(id -> !SharedService.RECEIVER.deliveredTo(user).stream()
                            .anyMatch(document -> document.getString("msg_id").equals(id)))
                    .count();
            var duplicated = SharedService.RECEIVER.deliveredTo(user).stream()
                    .collect(Collectors.groupingBy(document -> document.getString("msg_id"), Collectors.counting()))
                    .values()
                    .stream()
                    .filter(count -> count > 1)
                    .count();
            System.out.printf(
                    "database outage: answers %s; %d accepted, %d delivered, %d lost, %d duplicated%n",
                    statuses, accepted.size(), delivered.size(), lost, duplicated);
            assertTrue(readinessDuringOutage, "readiness answered 503 while the database was away");
            assertTrue(readinessAfter, "readiness answered 200 again");
            assertTrue(statuses.containsKey(503), "the outage was seen by the API: " + statuses);
            assertEquals(Set.of(202, 503), statuses.keySet(), "only 202 and 503 answers: " + statuses);
            assertEquals(0, missingRetryAfter.get(), "every 503 says when to retry");
            assertEquals(0, lost, "accepted events lost");
            var warnings = service.output()
                    .lines()
                    .filter(line -> line.contains(" W ") || line.contains(" E "))
                    .count();
            assertTrue(warnings <= 20, "an outage does not flood the log: " + warnings + " warnings and errors");
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    private static boolean awaitReadiness(ServiceProcess service, int status) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (service.get("/health/ready") == status) {
                return true;
            }
            Api.sleep(200);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (var path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
