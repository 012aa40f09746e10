package coder.notifications.incontainer;

import coder.notifications.config.Method;
import coder.notifications.delivery.Payload;
import coder.notifications.messages.NewMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * SQL on the container's own data source, for what a test arranges or checks beside the stores: a clean queue, a
 * recipient, a row's clock moved back. Each call is its own autocommitted statement, outside the test's transaction.
 */
@ApplicationScoped
public class Rows {

    /** A system template of the seed: "Workspace Deleted". */
    public static final UUID WORKSPACE_DELETED = UUID.fromString("f517da0b-cdc9-410f-ab89-a86107c420ed");

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    /** An empty queue, no preferences, a running notifier: each test starts from here. */
    public void emptyQueue() {
        update("DELETE FROM inbox_notifications");
        update("DELETE FROM notification_messages");
        update("DELETE FROM notification_preferences");
        update("UPDATE notification_settings SET notifier_paused = false");
    }

    public UUID newUser() {
        var id = UUID.randomUUID();
        update("INSERT INTO users (id, username, email) VALUES ('" + id + "', 'user-" + id + "', 'u@example.com')");
        return id;
    }

    /** A webhook message of "Workspace Deleted" for the user, as the enqueuer drafts one; not yet stored. */
    public static NewMessage message(UUID user, String dedupeKey) {
        var payload = new Payload(
                Payload.VERSION,
                "Workspace Deleted",
                WORKSPACE_DELETED,
                user,
                "u@example.com",
                "User",
                "user-" + user,
                List.of(),
                Map.of("name", "ws"),
                Json.createObjectBuilder().build(),
                List.of());
        return new NewMessage(
                UUID.randomUUID(),
                WORKSPACE_DELETED,
                user,
                Method.webhook,
                "incontainer",
                payload,
                payload.toJson(),
                dedupeKey);
    }

    /** The queue's table locked against writes until closed (closing twice is harmless). */
    public AutoCloseable lockQueue() throws SQLException {
        var connection = database.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLE notification_messages IN SHARE ROW EXCLUSIVE MODE");
        }
        return () -> {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        };
    }

    /** Waits (30 s at most) until some transaction waits for a lock on the queue's table. */
    public void awaitLockWaiter() throws InterruptedException {
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (text("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'notification_messages'::regclass")
                == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody waited for the queue's lock within 30 s");
            }
            Thread.sleep(10);
        }
    }

    public int update(String sql) {
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String text(String sql) {
        try (var connection = database.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
