package coder.notifications.inbox;

import coder.notifications.lifecycle.NotifierLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the watchers of every replica (this one included) which items were delivered, by {@code NOTIFY} on
 * {@link InboxStore#CHANNEL}. The items of a burst share one notification, sent at most {@link #COALESCE} after the
 * first of them was stored, in a transaction of its own: a {@code NOTIFY} in each delivery's transaction would take
 * PostgreSQL's database-wide notify lock at every commit and serialise the deliveries. A payload names up to
 * {@link #PER_NOTIFY} items as {@code user:item} pairs, well below PostgreSQL's limit of 8000 bytes.
 *
 * <p>Why LISTEN/NOTIFY: every replica already shares the database, so nothing else needs deploying or securing; it
 * delivers within milliseconds and only to sessions that listen; and a notification is sent only if the items it
 * names committed. A watcher that misses one (its replica's listening connection broke for a moment) still sees the
 * item at its next list, which is why the stream replays nothing.
 */
@ApplicationScoped
public class InboxAnnouncer {

    static final Duration COALESCE = Duration.ofMillis(10);
    static final int PER_NOTIFY = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    InboxStore store;

    @Inject
    NotifierLog log;

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public void delivered(UUID userId, UUID itemId) {
        pending.add(userId + ":" + itemId);
        if (scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::announce, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                scheduled.set(false);
                log.warning("could not schedule the announcement of new inbox items", e);
            }
        }
    }

    private void announce() {
        // Cleared first: an item stored while these are announced schedules the next announcement, so none waits.
        scheduled.set(false);
        var batch = new ArrayList<String>(PER_NOTIFY);
        String next;
        while ((next = pending.poll()) != null) {
            batch.add(next);
            if (batch.size() == PER_NOTIFY) {
                send(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private void send(ArrayList<String> batch) {
        try {
            store.announce(String.join(",", batch));
            log.recovered("announce new inbox items");
        } catch (RuntimeException e) {
            // The items are stored; open inboxes see them at their next list.
            log.trouble("announce new inbox items", e);
        }
    }
}
