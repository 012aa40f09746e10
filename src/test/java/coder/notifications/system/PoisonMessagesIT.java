package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No message can block the queue. Rows no API would store (payloads no reader takes back, a template that cannot
 * render, a template deleted meanwhile) are written straight into the database, older than and between good
 * messages, and the notifier is woken once. Its fetch interval is ten minutes, so everything below happens in the
 * one cycle that the wake-up starts: had any bad row rolled the lease back, nothing would be delivered until the
 * next fetch, long after the test's deadline.
 */
class PoisonMessagesIT {

    private static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";

    @Test
    void badRowsFailAloneAndEveryGoodMessageOfTheLeaseIsDeliveredInTheSameCycle() throws Exception {
        var database = TestDatabase.fresh("poison");
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put("CODER_PG_CONNECTION_URL", database);
        settings.put("CODER_NOTIFICATIONS_FETCH_INTERVAL", "10m");
        try (var service = ServiceProcess.start("poison", settings);
                var connection = TestDatabase.connect(
                        ServiceProcess.WORK.resolve("cache"), database.replaceAll(".*/([^?]+).*", "$1"));
                var sql = connection.createStatement()) {
            // A custom template whose body no renderer accepts, written straight into the database. The notifier's
            // copy of the templates is read again within TemplateCache.FRESH_FOR (0.5 s); the enqueuer reads the same
            // copy, so once an event naming the template is refused for its missing subject rather than for an
            // unknown template, the notifier knows the template too and its message can be leased.
            var broken = UUID.randomUUID();
            sql.execute("INSERT INTO notification_templates (id, name, title_template, body_template, \"group\", kind,"
                    + " audience) VALUES ('" + broken + "', 'Broken " + broken + "', 'Broken', '{{ unclosed',"
                    + " 'Custom Events', 'custom', 'subject')");
            var api = new Api(service);
            assertTrue(
                    Api.eventually(Duration.ofSeconds(10), () -> knowsTemplate(api, broken)),
                    "the service's copy of the templates shows the template written into the database");
            var user = api.user("Petra Poison", "member");
            api.pause(true);
            var good = new ArrayList<String>();
            for (var i = 0; i < 3; i++) {
                good.add(api.event(Map.of(
                                "template", "Workspace Deleted",
                                "user_id", user.toString(),
                                "labels", Map.of("name", "good-" + i)))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("messages[0].id")
                        .toString());
            }
            // A template deleted after its message was leased cannot be arranged from outside (a message whose
            // template row is gone is removed with it, ON DELETE CASCADE): MessageDispatcherTest covers that case.
            var bad = Map.of(
                    "a number no JSON reader takes back",
                    poison(sql, WORKSPACE_DELETED, user, "{\"data\": {\"a\": 1e1200}}", 40),
                    "a payload that is not an object",
                    poison(sql, WORKSPACE_DELETED, user, "[1, 2, 3]", 30),
                    "a target that is not a UUID",
                    poison(sql, WORKSPACE_DELETED, user, "{\"targets\": [\"not-a-uuid\"]}", 20),
                    "a template that cannot render",
                    poison(sql, broken.toString(), user, "{\"labels\": {}, \"data\": {}}", 10));
            // The good messages between the bad ones, oldest first: each lease meets a bad row before a good one.
            for (var i = 0; i < good.size(); i++) {
                sql.execute("UPDATE notification_messages SET created_at = now() - interval '" + (35 - 10 * i)
                        + " seconds' WHERE id = '" + good.get(i) + "'");
            }
            api.pause(false);

            var deadline = Duration.ofSeconds(60);
            for (var id : good) {
                api.awaitStatus(id, "sent", deadline);
            }
            for (var entry : bad.entrySet()) {
                var failed = awaitSettled(api, entry.getValue(), deadline);
                assertEquals("permanent_failure", failed.get("status"), entry.getKey() + ": " + failed);
                assertEquals(1, failed.get("attempt_count"), entry.getKey() + ": " + failed);
                assertTrue(
                        String.valueOf(failed.get("status_reason")).matches("(?s).*(payload|render).*"),
                        entry.getKey() + " names the problem: " + failed);
            }
            assertEquals(3, SharedService.RECEIVER.deliveredTo(user).size(), "every good message delivered once");
        }
    }

    /**
     * Whether the service's copy of the templates holds this one: an event naming it without a subject is refused
     * for the missing {@code user_id} (nothing is stored), not for naming no known template.
     */
    private static boolean knowsTemplate(Api api, UUID template) {
        var refusal = api.event(Map.of("template", template.toString()))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        return refusal.getList("validations.field").contains("user_id");
    }

    /** Stores a message the API would never store, {@code secondsAgo} old; answers its id. */
    private static String poison(java.sql.Statement sql, String template, UUID user, String payload, int secondsAgo)
            throws java.sql.SQLException {
        var id = UUID.randomUUID();
        sql.execute("INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by,"
                + " payload, created_at) VALUES ('" + id + "', '" + template + "', '" + user
                + "', 'webhook', 'poison', '"
                + payload + "', now() - interval '" + secondsAgo + " seconds')");
        return id.toString();
    }

    private static Map<String, Object> awaitSettled(Api api, String id, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        var message = api.message(id);
        while (List.of("pending", "leased").contains(message.get("status"))
                && Instant.now().isBefore(deadline)) {
            Api.sleep(100);
            message = api.message(id);
        }
        return message;
    }
}
