package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.messages.ActivityStore;
import coder.notifications.messages.MessageQuery;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's overview and message pages stay on indexes on a table of 1,000,000 messages (a week of traffic, the
 * newest 100,000 still waiting) and eight days of activity counters and failure reasons, whether the statistics were taken when the
 * tables were empty or after they were filled: the service's own statements, under the planner settings the service
 * runs them with, executed by {@code EXPLAIN (ANALYZE, BUFFERS)}. No plan reads a table sequentially; each plan's
 * execution time is printed (the closing figures of the console's issue), never asserted.
 */
class OverviewPlanIT {

    static final int MESSAGES = 1_000_000;
    static final String USER = "00000000-0000-4000-8000-00000000b0b0";

    @Test
    void everyOverviewStatementStaysOnAnIndex() throws Exception {
        var url = TestDatabase.fresh("overview_plan");
        var name = url.replaceAll(".*/([^?]+).*", "$1");
        try (var connection = TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), name);
                var sql = connection.createStatement()) {
            LeasePlanIT.migrate(connection);
            for (var table : List.of("notification_messages", "notification_activity")) {
                sql.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
                // Unlogged: writing a million rows costs no WAL; the planner does not look at persistence.
                sql.execute("ALTER TABLE " + table + " SET UNLOGGED");
            }
            sql.execute("INSERT INTO users (id, username) SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12,"
                    + " '0'))::uuid, 'plan' || i FROM generate_series(1, 1000) AS i");
            sql.execute("INSERT INTO users (id, username) VALUES ('" + USER + "', 'traced')");
            // Statistics of the empty tables first: the state in which a planner guesses worst.
            sql.execute("ANALYZE notification_messages");
            sql.execute("ANALYZE notification_activity");
            sql.execute("ANALYZE notification_failure_reasons");
            fill(connection);
            assertEveryPlanUsesIndexes(connection, "analysed when empty, then filled");
            sql.execute("ANALYZE notification_messages");
            sql.execute("ANALYZE notification_activity");
            sql.execute("ANALYZE notification_failure_reasons");
            assertEveryPlanUsesIndexes(connection, "analysed after filling");
        }
    }

    /**
     * A week of messages to 1,001 people, one every 0.6 s: mostly sent, one in 50 failed, one in 97 inhibited, the
     * newest 100,000 waiting; 40 of them to the traced person. And 8 days of counters: every minute each outcome, and
     * every hour 200 distinct failure reasons.
     */
    private static void fill(Connection connection) throws SQLException {
        try (var sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO notification_messages (id, notification_template_id, user_id, method, status,
                        status_reason, created_by, payload, attempt_count, created_at, updated_at)
                    SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed',
                           CASE WHEN i %% 25000 = 0 THEN '%2$s'::uuid
                                ELSE ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i %% 1000), 12, '0'))::uuid END,
                           CASE WHEN i %% 2 = 0 THEN 'webhook' ELSE 'inbox' END,
                           CASE WHEN i > %1$d - 100000 THEN 'pending' WHEN i %% 50 = 0 THEN 'permanent_failure'
                                WHEN i %% 97 = 0 THEN 'inhibited' ELSE 'sent' END,
                           CASE WHEN i <= %1$d - 100000 AND i %% 50 = 0
                                THEN 'webhook endpoint answered ' || (400 + i %% 5) END,
                           'plan', '{}', 1,
                           now() - interval '7 days' + i * (interval '7 days' / %1$d),
                           now() - interval '7 days' + i * (interval '7 days' / %1$d) + interval '1 second'
                    FROM generate_series(1, %1$d) AS i""".formatted(MESSAGES, USER));
            sql.execute("""
                    INSERT INTO notification_activity (minute, status, count)
                    SELECT date_trunc('minute', now()) - m * interval '1 minute', s.status, 1 + m % 17
                    FROM generate_series(0, 8 * 1440) AS m,
                         unnest(ARRAY['sent', 'inhibited', 'temporary_failure', 'permanent_failure']) AS s (status)""");
            sql.execute("""
                    INSERT INTO notification_failure_reasons (hour, reason, count)
                    SELECT date_trunc('hour', now()) - h * interval '1 hour', 'webhook endpoint answered ' || r, 1 + h % 7
                    FROM generate_series(0, 8 * 24) AS h, generate_series(400, 599) AS r""");
        }
    }

    private static void assertEveryPlanUsesIndexes(Connection connection, String state) throws SQLException {
        var now = Instant.now();
        var statements = new LinkedHashMap<String, Statement>();
        statements.put("outcomes of the last 24 hours", new Statement(ActivityStore.LAST_DAY, List.of()));
        statements.put("per minute, last hour", buckets("minute", 60));
        statements.put("per hour, last 7 days", buckets("hour", 7 * 24));
        statements.put("top failure reasons", new Statement(ActivityStore.TOP_REASONS, List.of(5)));
        statements.put("the queue now", new Statement(ActivityStore.QUEUE, List.of(20_001)));
        var first =
                MessageStore.pageStatement(query(Optional.empty(), false, Optional.empty(), Optional.empty(), null));
        statements.put("messages, newest page", new Statement(first.sql(), first.parameters()));
        var cursor = new MessageQuery.Cursor(now.minus(Duration.ofDays(3)), UUID.randomUUID());
        var older =
                MessageStore.pageStatement(query(Optional.empty(), false, Optional.empty(), Optional.empty(), cursor));
        statements.put("messages, a page 3 days back", new Statement(older.sql(), older.parameters()));
        var reason = MessageStore.pageStatement(query(
                Optional.empty(),
                true,
                Optional.of("webhook endpoint answered 403"),
                Optional.of(now.minus(Duration.ofDays(1))),
                null));
        statements.put(
                "messages failed with a reason, last 24 hours", new Statement(reason.sql(), reason.parameters()));
        var status = MessageStore.pageStatement(
                query(Optional.of(MessageStatus.permanent_failure), false, Optional.empty(), Optional.empty(), null));
        statements.put("messages of one status", new Statement(status.sql(), status.parameters()));
        var trace = MessageStore.pageStatement(
                MessageQuery.ofUser(UUID.fromString(USER), now.minus(Duration.ofDays(7)), 200));
        statements.put("trace: one person's last 7 days", new Statement(trace.sql(), trace.parameters()));
        for (var entry : statements.entrySet()) {
            var plan = explain(connection, entry.getValue());
            var time = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
            System.out.printf(
                    "overview plan (%s) %s: %s ms%n%s%n",
                    state, entry.getKey(), time.find() ? time.group(1) : "?", plan);
            assertFalse(plan.contains("Seq Scan"), state + ", " + entry.getKey() + " reads a table:\n" + plan);
            assertTrue(plan.contains("Index"), state + ", " + entry.getKey() + " uses no index:\n" + plan);
        }
    }

    record Statement(String sql, List<Object> parameters) {}

    private static Statement buckets(String unit, int count) {
        return new Statement(ActivityStore.BUCKETS.formatted(unit, ActivityStore.OUTCOMES), List.of(count));
    }

    private static MessageQuery query(
            Optional<MessageStatus> status,
            boolean failed,
            Optional<String> reason,
            Optional<Instant> from,
            MessageQuery.Cursor before) {
        return new MessageQuery(
                status,
                failed,
                Optional.empty(),
                Optional.empty(),
                reason,
                from,
                Optional.empty(),
                Optional.ofNullable(before),
                50);
    }

    /** The statement executed under the service's planner settings, in a transaction rolled back. */
    private static String explain(Connection connection, Statement statement) throws SQLException {
        connection.setAutoCommit(false);
        try (var settings = connection.createStatement()) {
            settings.execute(ActivityStore.OVERVIEW_PLANNER);
            // JPA's numbered parameters (?1 may occur twice) as JDBC's, one value for each occurrence.
            var numbered = Pattern.compile("\\?(\\d+)").matcher(statement.sql());
            var values = new ArrayList<Object>();
            while (numbered.find()) {
                values.add(statement.parameters().get(Integer.parseInt(numbered.group(1)) - 1));
            }
            var jdbc = statement.sql().replaceAll("\\?\\d+", "?");
            try (var explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + jdbc)) {
                for (int i = 0; i < values.size(); i++) {
                    explain.setObject(i + 1, values.get(i));
                }
                try (var rows = explain.executeQuery()) {
                    var plan = new StringBuilder();
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                    return plan.toString();
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
