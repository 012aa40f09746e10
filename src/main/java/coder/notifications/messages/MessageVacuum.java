package coder.notifications.messages;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Vacuums {@code notification_messages} once its dead rows pass a bound, whether or not autovacuum runs. Every
 * delivered message leaves two dead row versions whose entries stay at the head of the leasable index until a vacuum
 * removes them, and every lease walks past them: without a vacuum a drained backlog of 1,000,000 made each lease
 * of 20 ten times slower, and the retention purge only adds dead rows. Where autovacuum is on, the table's own
 * settings (migration V8) usually get there first, and {@code SKIP_LOCKED} lets this one step aside.
 */
@ApplicationScoped
public class MessageVacuum {

    /**
     * Vacuum once dead rows exceed this many plus {@link #SHARE} of the live ones (autovacuum's own formula). A
     * vacuum reads the whole table and all its indexes, a walk past dead index entries costs each lease about 2 ms
     * per 100,000 delivered messages: measured on 2 cores, this bound spends on each about as much as on the other.
     */
    static final long THRESHOLD = 50_000;

    static final double SHARE = 0.2;

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    /** What a vacuum found and did. */
    public record Outcome(boolean vacuumed, long deadRows, long liveRows) {}

    /**
     * Vacuums (and analyses) the table if its dead rows call for it and no other session is vacuuming it. Outside
     * any transaction, on a connection of its own: VACUUM cannot run inside a transaction block.
     */
    public Outcome vacuumIfNeeded() throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            long dead;
            long live;
            // Counted by PostgreSQL's statistics, shared by every replica and kept whether autovacuum runs or not.
            try (var counts = statement.executeQuery("""
                    SELECT n_dead_tup, n_live_tup, pg_has_role(c.relowner, 'USAGE') AS owned
                    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                    WHERE s.relid = 'notification_messages'::regclass""")) {
                if (!counts.next() || !counts.getBoolean("owned")) {
                    return new Outcome(false, 0, 0);
                }
                dead = counts.getLong(1);
                live = counts.getLong(2);
            }
            if (dead <= THRESHOLD + SHARE * live) {
                return new Outcome(false, dead, live);
            }
            // SKIP_LOCKED: if autovacuum or another replica is at it, this one does nothing instead of waiting.
            // TRUNCATE false: giving empty pages at the end back to the system takes an exclusive lock that stalls
            // the leases; a queue fills those pages again within seconds anyway.
            statement.execute("VACUUM (SKIP_LOCKED, TRUNCATE false, ANALYZE) notification_messages");
            return new Outcome(true, dead, live);
        }
    }
}
