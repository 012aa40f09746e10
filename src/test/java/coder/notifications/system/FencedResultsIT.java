package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A result is written only under the lease it was sent with. Replica A fails a send and holds the result; its
 * lease runs out; replica B leases the message and is still sending when A writes its stale result. A's result
 * is dropped: it never overwrites B's lease, and B's delivery is recorded as the message's one attempt.
 */
class FencedResultsIT {

    @Test
    void aResultArrivingAfterItsLeaseEndedIsDroppedNotWrittenOverTheNewLease() throws Exception {
        var database = TestDatabase.fresh("fenced");
        var holding = new HashMap<>(SharedService.SETTINGS);
        holding.put("CODER_PG_CONNECTION_URL", database);
        holding.put("CODER_NOTIFICATIONS_LEASE_PERIOD", "6s");
        holding.put("CODER_NOTIFICATIONS_FETCH_INTERVAL", "10m");
        holding.put("CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL", "10m");
        holding.put("CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE", "1000");
        var delivering = new HashMap<>(SharedService.SETTINGS);
        delivering.put("CODER_PG_CONNECTION_URL", database);
        delivering.put("CODER_NOTIFICATIONS_LEASE_PERIOD", "60s");
        delivering.put("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "30s");
        delivering.put("CODER_NOTIFICATIONS_FETCH_INTERVAL", "1s");
        var a = ServiceProcess.start("fenced-a", holding);
        try {
            var api = new Api(a);
            var user = api.user("Fenna Fenced", "member");
            SharedService.RECEIVER.script(user, 500);
            var id = api.event(Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            user.toString(),
                            "labels",
                            Map.of("name", "fenced")))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("messages[0].id")
                    .toString();
            await(() -> SharedService.RECEIVER.arrivals(id) == 1, "replica A's failing send");
            SharedService.RECEIVER.delay(user, Duration.ofSeconds(8));
            try (var b = ServiceProcess.start("fenced-b", delivering)) {
                await(() -> SharedService.RECEIVER.arrivals(id) == 2, "replica B's send after A's lease ran out");
                // A's graceful stop writes its held result while B's send is still in flight.
                a.stop();
                var sent = new Api(b).awaitStatus(id, "sent", Duration.ofSeconds(30));
                // Unfenced, A's stale failure would have taken B's lease: B's success then dropped, the message
                // retried and delivered a second time, with two attempts.
                Api.sleep(3000);
                var settled = new Api(b).message(id);
                assertEquals("sent", settled.get("status"), settled.toString());
                assertEquals(1, settled.get("attempt_count"), "B's delivery is the one attempt recorded: " + settled);
                assertEquals(1, SharedService.RECEIVER.deliveredTo(user).size(), "delivered once");
            }
        } finally {
            a.stop();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within 60 s");
            }
            Api.sleep(100);
        }
    }
}
