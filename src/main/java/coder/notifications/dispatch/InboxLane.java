package coder.notifications.dispatch;

import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.delivery.FailureText;
import coder.notifications.inbox.InboxAnnouncer;
import coder.notifications.lifecycle.NotifierLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

/**
 * Delivers inbox messages beside the lease. An inbox message is delivered by storing a row in the queue's own
 * database, so leasing it first (one update), storing its item, and writing its result later (a second update) buys
 * nothing a transaction does not give for less: the lane takes a batch of inbox messages {@code FOR UPDATE SKIP
 * LOCKED}, stores their items and writes their results in that one transaction ({@link InboxDelivery}). Each message
 * is updated once instead of twice, committed once instead of three times, and the email and webhook batches never
 * wait for inbox items. Retries, the attempt limit, pause, preferences, metrics ({@code method="inbox"}) and the
 * activity counters work as for every message; a crash rolls item and result back together, so a message is
 * delivered exactly once.
 *
 * <p>One bad message never stops the lane: when a batch's transaction fails, its messages are delivered one per
 * transaction, and a message whose own transaction fails too has a failed attempt counted, with the reason, in a
 * transaction of its own (tried again after the retry interval, failed for good on its last attempt).
 */
@ApplicationScoped
public class InboxLane {

    /** The smallest batch the lane takes (see {@link #batchSize}). */
    static final int MIN_BATCH = 100;

    @Inject
    InboxDelivery delivery;

    @Inject
    InboxAnnouncer announcer;

    @Inject
    CoderMetrics metrics;

    @Inject
    NotifierMetrics notifierMetrics;

    @Inject
    NotifierSettings settings;

    @Inject
    NotifierLog log;

    /**
     * Messages per transaction, at least {@link #MIN_BATCH}. A lease batch is sized by what a notifier may send at
     * once; the lane sends nothing over the network, so its batch is sized by what one transaction stores well.
     * With the lease count's 20, webhook delivery with the inbox on did 0.67-0.70x the events per second of the
     * inbox off; with 100, 0.81-0.85x (two runs each, bench/run row k): fewer commits for the same items.
     */
    int batchSize() {
        return Math.max(settings.leaseCount(), MIN_BATCH);
    }

    /** Delivers one batch of the oldest sendable inbox messages; answers how many it took. */
    int deliver() {
        var taken = new ArrayList<UUID>();
        var started = System.nanoTime();
        try {
            var done = delivery.deliver(batchSize(), taken::addAll);
            delivered(done, started);
            return done.taken().size();
        } catch (RuntimeException e) {
            if (taken.isEmpty()) {
                // Nothing was taken: the database itself is in trouble, and the notifier logs it and tries later.
                throw e;
            }
            log.warning(
                    "could not deliver a batch of " + taken.size() + " inbox messages; delivering them one by one: "
                            + FailureText.of(e),
                    null);
            taken.forEach(this::deliverAlone);
            return taken.size();
        }
    }

    private void deliverAlone(UUID id) {
        var started = System.nanoTime();
        try {
            delivered(delivery.deliverOne(id), started);
        } catch (RuntimeException e) {
            // If this fails too, the database is in trouble: the message stays as it was, for a later round.
            delivered(delivery.fail(id, "cannot store the inbox item: " + FailureText.of(e)), started);
        }
    }

    /** After the commit: metrics, failure log lines, and the announcement of the items stored now. */
    private void delivered(InboxDelivery.Done done, long started) {
        var took = Duration.ofNanos(System.nanoTime() - started);
        var maxAttempts = settings.maxSendAttempts();
        notifierMetrics.leased(done.taken().size());
        for (var message : done.attempted()) {
            metrics.dispatching(message);
            metrics.sent(Method.inbox, took);
            metrics.dispatched(message);
        }
        for (var i = 0; i < done.taken().size(); i++) {
            var message = done.taken().get(i);
            var result = done.results().get(i);
            metrics.attempted(message, result, maxAttempts);
            notifierMetrics.recorded(result);
            BatchSender.failureLine(message, result, maxAttempts).ifPresent(log::failed);
        }
        metrics.synced(done.written());
        done.stored().forEach(item -> announcer.delivered(item.userId(), item.id()));
    }
}
