package coder.notifications.dispatch;

import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessagesQueued;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the notifiers once messages are committed: this replica's at once, in memory, and the other replicas' by a
 * {@code NOTIFY} sent at most once per {@link #COALESCE} window, in a transaction of its own. A {@code NOTIFY}
 * inside every enqueue would serialise the enqueue commits in PostgreSQL (it takes a database-wide lock at commit);
 * a burst of enqueues now shares one, sent at most {@link #COALESCE} after the first of them committed.
 */
@ApplicationScoped
public class WakeUps {

    static final Duration COALESCE = Duration.ofMillis(10);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Notifier notifier;

    @Inject
    MessageStore messages;

    @Inject
    NotifierLog log;

    private final AtomicBoolean notifyPending = new AtomicBoolean();

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesQueued queued) {
        notifier.wake();
        if (notifyPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::notifyOthers, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                notifyPending.set(false);
                log.warning("could not schedule the wake-up of the other replicas", e);
            }
        }
    }

    private void notifyOthers() {
        // Cleared first: an enqueue committing while this NOTIFY is sent schedules the next one, so none is missed.
        notifyPending.set(false);
        try {
            messages.announce();
            log.recovered("wake the other replicas");
        } catch (RuntimeException e) {
            // The other replicas still lease at their next fetch interval.
            log.trouble("wake the other replicas", e);
        }
    }
}
