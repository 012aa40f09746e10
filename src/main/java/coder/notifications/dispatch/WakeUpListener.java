package coder.notifications.dispatch;

import coder.notifications.inbox.InboxStore;
import coder.notifications.inbox.InboxWatchers;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.MessageStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds one connection that LISTENs on the enqueue channel, so a message enqueued on any replica wakes every
 * notifier within milliseconds, and on the inbox's channel, so that the watchers of this replica hear of items
 * delivered by any replica. If the connection breaks it reconnects; meanwhile the fetch interval still bounds the
 * wait of the notifier, and open inboxes see what they missed at their next list.
 */
@ApplicationScoped
public class WakeUpListener {

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    @Inject
    NotifierLog log;

    @Inject
    InboxWatchers watchers;

    /** Runs until {@code running} turns false, calling {@code wake} for every burst of notifications. */
    public void listen(Runnable wake, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try (var connection = database.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("LISTEN " + MessageStore.CHANNEL);
                statement.execute("LISTEN " + InboxStore.CHANNEL);
                var listener = connection.unwrap(PGConnection.class);
                log.recovered("keep the wake-up connection (reconnecting every 2s)");
                wake.run();
                while (running.getAsBoolean()) {
                    var notifications = listener.getNotifications(500);
                    var enqueued = false;
                    for (var notification : notifications == null ? new PGNotification[0] : notifications) {
                        if (notification.getName().equals(InboxStore.CHANNEL)) {
                            watchers.announced(notification.getParameter());
                        } else {
                            enqueued = true;
                        }
                    }
                    if (enqueued) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running.getAsBoolean()) {
                    log.trouble("keep the wake-up connection (reconnecting every 2s)", e);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
