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
 * next fetch, long after the test's deadline. The same holds for the inbox lane, whose bad rows are inbox messages,
 * plus one whose item the database refuses to store (a constraint this test adds to its own database): the lane's
 * transaction for its batch fails, and the lane delivers the batch one message at a time.
 */
class PoisonMessagesIT {

    private static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";

    @Test
    void badRowsFailAloneAndEveryGoodMessageOfTheLeaseIsDeliveredInTheSameCycle() throws Exception {
        var database = TestDatabase.fresh("poison");
        var settings = new HashMap<>(SharedService.patientSettings());
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
            // The database refuses one item: a failure of the lane's statement that only this message causes.
            sql.execute("ALTER TABLE inbox_notifications ADD CONSTRAINT no_refused_items"
                    + " CHECK (title NOT LIKE '%refused-item%')");
            var good = new ArrayList<String>();
            var goodInbox = new ArrayList<String>();
            for (var i = 0; i < 3; i++) {
                var answer = api.event(Map.of(
                                "template", "Workspace Deleted",
                                "user_id", user.toString(),
                                "labels", Map.of("name", "good-" + i)))
                        .then()
                        .statusCode(202)
                        .extract()
                        .jsonPath();
                good.add(answer.getString("messages.find { it.method == 'webhook' }.id"));
                goodInbox.add(answer.getString("messages.find { it.method == 'inbox' }.id"));
            }
            var refused = api.event(Map.of(
                            "template", "Workspace Deleted",
                            "user_id", user.toString(),
                            "labels", Map.of("name", "refused-item")))
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath();
            var refusedInbox = refused.getString("messages.find { it.method == 'inbox' }.id");
            good.add(refused.getString("messages.find { it.method == 'webhook' }.id"));
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
                    poison(sql, broken.toString(), user, "{\"labels\": {}, \"data\": {}}", 10),
                    "an inbox message with a number no JSON reader takes back",
                    poison(sql, WORKSPACE_DELETED, user, "{\"data\": {\"a\": 1e1200}}", 40, "inbox"),
                    "an inbox message whose payload is not an object",
                    poison(sql, WORKSPACE_DELETED, user, "[1, 2, 3]", 20, "inbox"),
                    "an inbox message whose template cannot render",
                    poison(sql, broken.toString(), user, "{\"labels\": {}, \"data\": {}}", 10, "inbox"));
            // The good messages between the bad ones, oldest first: each lease meets a bad row before a good one, and
            // the refused item is older than every good inbox message.
            for (var i = 0; i < goodInbox.size(); i++) {
                for (var id : List.of(good.get(i), goodInbox.get(i))) {
                    sql.execute("UPDATE notification_messages SET created_at = now() - interval '" + (35 - 10 * i)
                            + " seconds' WHERE id = '" + id + "'");
                }
            }
            sql.execute("UPDATE notification_messages SET created_at = now() - interval '50 seconds' WHERE id = '"
                    + refusedInbox + "'");
            api.pause(false);

            var deadline = Duration.ofSeconds(60);
            for (var id : good) {
                api.awaitStatus(id, "sent", deadline);
            }
            for (var id : goodInbox) {
                api.awaitStatus(id, "sent", deadline);
            }
            try (var items =
                    sql.executeQuery("SELECT count(*) FROM inbox_notifications WHERE user_id = '" + user + "'")) {
                items.next();
                assertEquals(3, items.getInt(1), "every good inbox message stored its item once");
            }
            var notStored = awaitSettled(api, refusedInbox, deadline);
            assertEquals("temporary_failure", notStored.get("status"), "a refused item is tried again: " + notStored);
            assertEquals(1, notStored.get("attempt_count"), "one attempt used: " + notStored);
            assertTrue(
                    String.valueOf(notStored.get("status_reason"))
                            .matches("(?s)cannot store the inbox item: .*no_refused_items.*"),
                    "names the problem: " + notStored);
            for (var entry : bad.entrySet()) {
                var failed = awaitSettled(api, entry.getValue(), deadline);
                assertEquals("permanent_failure", failed.get("status"), entry.getKey() + ": " + failed);
                assertEquals(1, failed.get("attempt_count"), entry.getKey() + ": " + failed);
                assertTrue(
                        String.valueOf(failed.get("status_reason")).matches("(?s).*(payload|render).*"),
                        entry.getKey() + " names the problem: " + failed);
            }
            assertEquals(4, SharedService.RECEIVER.deliveredTo(user).size(), "every good webhook delivered once");
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

    /** Stores a webhook message the API would never store, {@code secondsAgo} old; answers its id. */
    private static String poison(java.sql.Statement sql, String template, UUID user, String payload, int secondsAgo)
            throws java.sql.SQLException {
        return poison(sql, template, user, payload, secondsAgo, "webhook");
    }

    private static String poison(
            java.sql.Statement sql, String template, UUID user, String payload, int secondsAgo, String method)
            throws java.sql.SQLException {
        var id = UUID.randomUUID();
        sql.execute("INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by,"
                + " payload, created_at) VALUES ('" + id + "', '" + template + "', '" + user
                + "', '" + method + "', 'poison', '"
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
