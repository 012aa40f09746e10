package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages whose last change is older than seven days are purged, whatever their state, inbox items older than
 * CODER_NOTIFICATIONS_INBOX_RETENTION, and audit entries older than 90 days; newer ones stay.
 */
class RetentionIT {

    @Test
    void messagesOlderThanSevenDaysArePurged() throws Exception {
        SharedService.get();
        var database = "retention_" + System.nanoTime();
        try (var admin = TestDatabase.connect();
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        var cache = ServiceProcess.WORK.resolve("cache");
        var settings = new java.util.HashMap<>(SharedService.SETTINGS);
        settings.put(
                "CODER_PG_CONNECTION_URL",
                "postgres://postgres@127.0.0.1:" + TestDatabase.port(cache) + "/" + database);
        settings.put("CODER_NOTIFICATIONS_INBOX_RETENTION", "720h");
        // Paused, so that the replica only purges: the rows below are not deliverable.
        try (var replica = ServiceProcess.start("retention", settings);
                var connection = TestDatabase.connect(cache, database);
                var statement = connection.createStatement()) {
            statement.execute("UPDATE notification_settings SET notifier_paused = true");
            statement.execute(
                    "INSERT INTO users (id, username) VALUES ('00000000-0000-4000-8000-0000000000e1', 'old')");
            statement.execute("""
                    INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by, payload,
                                                       status, created_at, updated_at)
                    SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed', '00000000-0000-4000-8000-0000000000e1',
                           'webhook', 'retention', '{}', s, now() - interval '9 days', now() - d
                    FROM unnest(ARRAY['sent', 'pending', 'permanent_failure', 'sent'],
                                ARRAY[interval '8 days', interval '8 days', interval '7 days 1 hour', interval '6 days']) AS t(s, d)""");
            // Audit entries are kept 90 days.
            statement.execute("""
                    INSERT INTO audit_log (id, time, action, resource_type, resource_id, old, new)
                    SELECT gen_random_uuid(), now() - d, 'write', 'notifications_settings', 'notifications_settings', '{}', '{}'
                    FROM unnest(ARRAY[interval '91 days', interval '89 days']) AS t(d)""");
            // Inbox items are kept CODER_NOTIFICATIONS_INBOX_RETENTION (30 days here), read or not.
            statement.execute("""
                    INSERT INTO inbox_notifications (id, user_id, template_id, title, content, read_at, created_at)
                    SELECT gen_random_uuid(), '00000000-0000-4000-8000-0000000000e1',
                           'f517da0b-cdc9-410f-ab89-a86107c420ed', title, '', r, now() - d
                    FROM unnest(ARRAY['31 days, unread', '31 days, read', '29 days'], ARRAY[NULL, now(), NULL],
                                ARRAY[interval '31 days', interval '31 days', interval '29 days']) AS t(title, r, d)""");
            var messages = "SELECT status FROM notification_messages ORDER BY status";
            var audit = "SELECT extract(day FROM now() - time)::int::text FROM audit_log";
            var inbox = "SELECT title FROM inbox_notifications";
            // Whether or not the purge came within the patience, the assertions below show what is left.
            Api.eventually(
                    Duration.ofSeconds(60),
                    () -> TestDatabase.column(connection, messages).size() == 1
                            && TestDatabase.column(connection, audit).size() == 1
                            && TestDatabase.column(connection, inbox).size() == 1);
            assertEquals(List.of("sent"), TestDatabase.column(connection, messages));
            assertEquals(
                    List.of("89"),
                    TestDatabase.column(connection, audit),
                    "audit entries older than 90 days are purged");
            assertEquals(
                    List.of("29 days"),
                    TestDatabase.column(connection, inbox),
                    "inbox items older than the inbox's retention are purged");
        }
    }
}
