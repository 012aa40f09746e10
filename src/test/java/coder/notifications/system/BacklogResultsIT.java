package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Results are buffered and written every store-sync interval (here ten minutes, so only the new rule can write them):
 * once a backlog has been worked off, its results are written at once; a message of a steady trickle still waits
 * for the interval.
 */
class BacklogResultsIT {

    @Test
    void theResultsOfAWorkedOffBacklogAreWrittenAtOnceAndATrickleWaitsForTheInterval() throws Exception {
        var settings = new HashMap<>(SharedService.patientSettings());
        settings.put("CODER_PG_CONNECTION_URL", TestDatabase.fresh("backlog"));
        settings.put("CODER_NOTIFICATIONS_LEASE_COUNT", "5");
        settings.put("CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL", "10m");
        settings.put("CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE", "1000");
        try (var service = ServiceProcess.start("backlog", settings)) {
            var api = new Api(service);
            var user = api.user("Bea Backlog", "member");
            api.pause(true);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 12; i++) {
                ids.add(event(api, user, "backlog-" + i));
            }
            var resumed = Instant.now();
            api.pause(false);
            // Leases of 5, 5 and 2: the short one finds the queue dry, and the last batch done writes all twelve.
            for (var id : ids) {
                api.awaitStatus(id, "sent", Duration.ofSeconds(30));
            }
            var took = Duration.between(resumed, Instant.now());
            assertEquals(12, SharedService.RECEIVER.deliveredTo(user).size(), "each delivered once");
            System.out.println("backlog of 12 written " + took.toMillis() + " ms after resuming");

            var trickle = event(api, user, "trickle");
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (SharedService.RECEIVER.arrivals(trickle) == 0
                    && Instant.now().isBefore(deadline)) {
                Api.sleep(50);
            }
            assertEquals(1, SharedService.RECEIVER.arrivals(trickle), "the trickle's message arrived");
            // Nothing must be written yet: the result interval is 10 minutes, and a write triggered by the trickle
            // itself would follow its send within milliseconds, well inside these 2 s.
            Api.sleep(2000);
            assertEquals(
                    "leased",
                    api.message(trickle).get("status"),
                    "a lease that was never full is no backlog: its result waits for the interval");
        }
    }

    private static String event(Api api, UUID user, String name) {
        return api.event(Map.of(
                        "template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", name)))
                .then()
                .statusCode(202)
                .extract()
                .path("messages[0].id")
                .toString();
    }
}
