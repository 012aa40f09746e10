package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.messages.MessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lease walks notification_messages_leasable_idx in created_at order in every state of the table, whatever
 * its statistics say: never analysed; analysed when empty and then filled with 1,000,000 pending rows (webhook and
 * inbox messages in turn); after those were leased and sent with no vacuum since. So does the inbox lane's take,
 * with notification_messages_inbox_leasable_idx: each walks only its own messages. Read from the plans PostgreSQL makes for the service's own statement,
 * prepared as the JDBC driver prepares it, both as a custom and as a generic plan. The table's autovacuum is off
 * here (the suite's built-in PostgreSQL runs it), so that nothing but the test changes its statistics.
 */
class LeasePlanIT {

    static final int ROWS = 1_000_000;

    @Test
    void theLeaseWalksTheLeasableIndexInEveryStateOfTheTable() throws Exception {
        var url = TestDatabase.fresh("lease_plan");
        var name = url.replaceAll(".*/([^?]+).*", "$1");
        try (var connection = TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), name);
                var sql = connection.createStatement()) {
            migrate(connection);
            sql.execute("ALTER TABLE notification_messages SET (autovacuum_enabled = false)");
            // Unlogged, so that writing millions of rows costs no WAL: the planner does not look at persistence.
            sql.execute("ALTER TABLE notification_messages SET UNLOGGED");
            sql.execute("INSERT INTO users (id, username) VALUES ('00000000-0000-4000-8000-00000000a1a1', 'planner')");
            sql.execute(
                    "PREPARE lease (text, int, int, bigint) AS " + MessageStore.LEASE.replaceAll("\\?(\\d)", "\\$$1"));
            sql.execute("PREPARE take_inbox (int, int) AS " + MessageStore.TAKE_INBOX.replaceAll("\\?(\\d)", "\\$$1"));
            sql.execute("PREPARE record (text[], text[], text[], int[], text[], bigint) AS "
                    + MessageStore.RECORD.replaceAll("\\?(\\d)", "\\$$1"));

            // Analysed while empty, then filled: the statistics say nothing of a million leasable rows.
            sql.execute("ANALYZE notification_messages");
            fill(connection);
            var unplanned = plan(connection, "force_custom_plan", false);
            assertTrue(
                    unplanned.contains("Sort") || unplanned.contains("Bitmap Heap Scan on notification_messages "),
                    "without the lease's planner settings this state sorts every leasable row (the issue's plan):\n"
                            + unplanned);
            assertWalksTheIndex(connection, "analysed when empty, then " + ROWS + " pending");
            assertResultsFindTheirRowsByKey(connection, "analysed when empty, then " + ROWS + " pending");

            // The same rows as if the table had never been analysed: no column statistics, size unknown. The
            // catalog is set as a new table has it, rather than filling a second table with a million rows.
            sql.execute("DELETE FROM pg_statistic WHERE starelid = 'notification_messages'::regclass");
            sql.execute(
                    "UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'notification_messages'::regclass");
            assertWalksTheIndex(connection, "never analysed, " + ROWS + " pending");

            sql.execute(
                    "UPDATE notification_messages SET status = 'leased', leased_until = now() + interval '1 minute'");
            sql.execute("UPDATE notification_messages SET status = 'sent', leased_until = NULL");
            sql.execute(insert(20));
            assertWalksTheIndex(connection, ROWS + " leased and sent without a vacuum, 20 pending");
        }
    }

    private static void assertWalksTheIndex(Connection connection, String state) throws SQLException {
        for (var mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
            var lease = plan(connection, mode, true);
            assertWalks("the lease", lease, "notification_messages_leasable_idx", state + ", " + mode);
            // The lane takes 100 at a time (InboxLane.MIN_BATCH).
            var take = plan(connection, mode, "EXECUTE take_inbox (100, 5)");
            assertWalks("the inbox lane's take", take, "notification_messages_inbox_leasable_idx", state + ", " + mode);
        }
    }

    private static void assertWalks(String statement, String plan, String index, String state) {
        System.out.printf("%s, plan (%s):%n%s%n", statement, state, plan);
        assertTrue(
                plan.contains("Index Scan using " + index + " on notification_messages"),
                state + ": " + statement + " does not walk " + index + ":\n" + plan);
        assertFalse(plan.contains("Sort"), state + ": " + statement + " sorts:\n" + plan);
        assertFalse(plan.contains("Bitmap"), state + ": " + statement + " uses a bitmap:\n" + plan);
    }

    /**
     * A result write of 50 results finds each row by its primary key, as a custom and as a generic plan: from the
     * statistics of an empty queue it otherwise hash-joined the results to a scan of every leasable row.
     */
    private static void assertResultsFindTheirRowsByKey(Connection connection, String state) throws SQLException {
        connection.setAutoCommit(false);
        try (var sql = connection.createStatement()) {
            var ids = TestDatabase.column(
                    connection, "SELECT id FROM notification_messages WHERE status = 'pending' LIMIT 50");
            var tokens = TestDatabase.column(connection, "SELECT gen_random_uuid() FROM generate_series(1, 50)");
            // EXECUTE takes no subquery as a parameter: ids and tokens as array literals.
            var execute = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE record ('{" + String.join(",", ids) + "}', '{"
                    + String.join(",", tokens) + "}', array_fill('sent'::text, ARRAY[50]), array_fill(1, ARRAY[50]),"
                    + " array_fill(''::text, ARRAY[50]), 1000)";
            for (var mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                sql.execute("SET LOCAL plan_cache_mode = " + mode);
                sql.execute(MessageStore.RECORD_PLANNER);
                var plan = new StringBuilder();
                try (var rows = sql.executeQuery(execute)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                System.out.printf("result write plan (%s, %s):%n%s%n", state, mode, plan);
                assertTrue(
                        plan.toString()
                                .contains("Index Scan using notification_messages_pkey on notification_messages"),
                        state + ", " + mode + ": the result write does not find rows by key:\n" + plan);
                assertFalse(plan.toString().contains("Hash Join"), state + ", " + mode + ": hash join:\n" + plan);
                assertFalse(
                        plan.toString().contains("notification_messages_leasable_idx"),
                        state + ", " + mode + ": walks the leasable index:\n" + plan);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The plan of one lease of 20, executed and rolled back, with or without the lease's planner settings. */
    private static String plan(Connection connection, String mode, boolean planned) throws SQLException {
        return planned
                ? plan(connection, mode, "EXECUTE lease ('lease-plan', 20, 5, 60000)")
                : plan(connection, mode, null, "EXECUTE lease ('lease-plan', 20, 5, 60000)");
    }

    /** The plan of a prepared statement, executed and rolled back, under the lease's planner settings. */
    private static String plan(Connection connection, String mode, String execute) throws SQLException {
        return plan(connection, mode, MessageStore.LEASE_PLANNER, execute);
    }

    private static String plan(Connection connection, String mode, String planner, String execute) throws SQLException {
        connection.setAutoCommit(false);
        try (var sql = connection.createStatement()) {
            sql.execute("SET LOCAL plan_cache_mode = " + mode);
            if (planner != null) {
                sql.execute(planner);
            }
            try (var rows = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute)) {
                var plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void fill(Connection connection) throws SQLException {
        try (var sql = connection.createStatement()) {
            sql.execute(insert(ROWS));
        }
    }

    /** Pending messages, oldest first, as the bulk enqueue stores them: webhook and inbox messages in turn. */
    private static String insert(int rows) {
        return """
                INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by, payload,
                                                   created_at)
                SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed', '00000000-0000-4000-8000-00000000a1a1',
                       CASE WHEN i %% 2 = 0 THEN 'inbox' ELSE 'webhook' END, 'lease-plan', '{}',
                       clock_timestamp() - interval '1 hour' + i * interval '1 microsecond'
                FROM generate_series(1, %d) AS i""".formatted(rows);
    }

    /** The service's migrations, in version order, as its start-up applies them. */
    static void migrate(Connection connection) throws Exception {
        var folder = Path.of("src/main/resources/db/migration");
        try (var files = Files.list(folder);
                var sql = connection.createStatement()) {
            for (var file : files.filter(path -> path.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(path ->
                            Integer.parseInt(path.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .collect(Collectors.toList())) {
                sql.execute(Files.readString(file));
            }
        }
    }
}
