package coder.notifications.dispatch;

import coder.notifications.config.NotifierSettings;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.lifecycle.ServiceReady;
import coder.notifications.lifecycle.ServiceStopping;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessageVacuum;
import coder.notifications.messages.Result;
import coder.notifications.templates.TemplateCache;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This replica's notifier: decides when to lease and dispatch. It drains the queue whenever it is woken (an
 * enqueue anywhere, the fetch interval, a full batch), leasing in short transactions and sending each batch
 * concurrently, each send bounded by the dispatch timeout. No transaction is held while sending. Inbox messages
 * drain beside them, through the inbox lane ({@link InboxLane}).
 */
@ApplicationScoped
public class Notifier {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService workers;

    @Inject
    NotifierSettings settings;

    @Inject
    MessageStore messages;

    @Inject
    TemplateCache templates;

    @Inject
    BatchSender sender;

    @Inject
    InboxLane inboxLane;

    @Inject
    ResultRecorder recorder;

    @Inject
    WakeUpListener wakeUps;

    @Inject
    Retention retention;

    @Inject
    MessageVacuum vacuum;

    @Inject
    NotifierLog log;

    @Inject
    NotifierMetrics metrics;

    @Inject
    Clock clock;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Future<?>> tasks = new ArrayList<>();

    /** The lease and dispatch of email and webhook messages, and the inbox lane: each drains on its own. */
    private Drain leases;

    private Drain inbox;

    /**
     * Batches being sent at once. While one batch waits for its slowest receivers, the next is leased and sent:
     * a replica keeps its connections busy instead of idling between batches. Each batch still has its own lease,
     * deadline and results; at most {@value #BATCHES_IN_FLIGHT} × the lease count sends are under way.
     */
    static final int BATCHES_IN_FLIGHT = 2;

    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);

    /** How often the queue's dead rows are looked at (one row of pg_stat_user_tables). */
    static final Duration VACUUM_CHECK = Duration.ofSeconds(5);

    static final String RELEASED_AT_STOP =
            "released: the notifier stopped before sending it; tried again without using an attempt";

    /** When a backlog has been worked off, its last results are written at once (not at the next sync interval). */
    private final BacklogEnd backlog = new BacklogEnd();

    void start(@Observes ServiceReady ready) {
        leases = new Drain(
                "lease and dispatch",
                workers,
                running::get,
                () -> !recorder.full() && dispatchBatch() == settings.leaseCount(),
                log);
        inbox = new Drain(
                "deliver inbox messages",
                workers,
                running::get,
                () -> inboxLane.deliver() == inboxLane.batchSize(),
                log);
        running.set(true);
        tasks.add(scheduler.scheduleWithFixedDelay(
                this::wake, 0, settings.fetchInterval().toMillis(), TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleWithFixedDelay(
                guarded("write results", recorder::flush),
                settings.storeSyncInterval().toMillis(),
                settings.storeSyncInterval().toMillis(),
                TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleWithFixedDelay(
                guarded("purge old messages", retention::purge),
                Retention.FIRST_RUN.toSeconds(),
                Retention.EVERY.toSeconds(),
                TimeUnit.SECONDS));
        tasks.add(scheduler.scheduleWithFixedDelay(
                guarded("vacuum the queue", this::vacuum),
                VACUUM_CHECK.toSeconds(),
                VACUUM_CHECK.toSeconds(),
                TimeUnit.SECONDS));
        tasks.add(workers.submit(() -> wakeUps.listen(this::wake, running::get)));
        log.info("notifier " + id + " started: leases up to " + settings.leaseCount() + " messages every "
                + settings.fetchInterval().toSeconds() + "s at the latest");
    }

    /** Graceful shutdown: no new leases; the batch in flight finishes and every result is written. */
    void stop(@Observes @Priority(100) ServiceStopping stopping) {
        log.stopping();
        running.set(false);
        tasks.forEach(task -> task.cancel(false));
        var deadline = clock.instant().plus(settings.dispatchTimeout()).plusSeconds(5);
        while ((leases.busy() || inbox.busy() || inFlight.availablePermits() < BATCHES_IN_FLIGHT)
                && clock.instant().isBefore(deadline)) {
            sleep(50);
        }
        var written = recorder.flush();
        log.info("notifier " + id + " stopped, " + written + " results written");
    }

    /** Asks both drains to look at the queue; one under way goes round once more, so no wake-up is lost. */
    void wake() {
        if (!running.get()) {
            return;
        }
        leases.wake();
        inbox.wake();
    }

    /**
     * Leases a batch once fewer than {@link #BATCHES_IN_FLIGHT} are being sent, and hands it to a worker to send
     * and record; answers how many messages it leased.
     */
    private int dispatchBatch() throws InterruptedException {
        inFlight.acquire();
        var handedOver = false;
        var counted = false;
        try {
            // Waiting for a batch to finish may have outlasted the notifier: a stopping notifier leases nothing.
            if (!running.get()) {
                return 0;
            }
            var leased = messages.lease(id, settings.leaseCount(), settings.leasePeriod(), settings.maxSendAttempts());
            if (backlog.leased(leased.size(), settings.leaseCount())) {
                guarded("write results", recorder::flush).run();
            }
            if (leased.isEmpty()) {
                return 0;
            }
            counted = true;
            metrics.leased(leased.size());
            leased.forEach(message -> log.debug("notifier " + id + " leased message " + message.id()));
            var byId = templates.byIds(
                    leased.stream().map(LeasedMessage::templateId).distinct().toList());
            if (!running.get()) {
                releaseAtStop(leased);
                return leased.size();
            }
            try {
                workers.submit(() -> {
                    try {
                        recorder.add(sender.send(leased, byId));
                    } catch (RuntimeException e) {
                        // Unrecorded, the messages are leased again once their lease ends: sent at least once.
                        log.trouble("send a leased batch", e);
                    } finally {
                        inFlight.release();
                        batchDone();
                    }
                });
            } catch (RejectedExecutionException e) {
                // The container stops its executors as the application stops.
                releaseAtStop(leased);
                return leased.size();
            }
            handedOver = true;
            return leased.size();
        } finally {
            if (!handedOver) {
                inFlight.release();
                if (counted) {
                    batchDone();
                }
            }
        }
    }

    /**
     * Hands back messages leased as the notifier stopped, unsent and with their attempts unchanged: written by the
     * stop's last flush, so another replica takes them at once instead of after their lease period.
     */
    private void releaseAtStop(List<LeasedMessage> leased) {
        recorder.add(leased.stream()
                .map(message -> Result.released(message, RELEASED_AT_STOP))
                .toList());
    }

    /** Vacuums the queue when its dead rows call for it (see {@link MessageVacuum}). */
    private void vacuum() {
        try {
            var outcome = vacuum.vacuumIfNeeded();
            if (outcome.vacuumed()) {
                log.info("vacuumed notification_messages (" + outcome.deadRows() + " dead rows, " + outcome.liveRows()
                        + " live)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void batchDone() {
        if (backlog.sent()) {
            guarded("write results", recorder::flush).run();
        }
    }

    private Runnable guarded(String what, Runnable task) {
        // A scheduled task that throws once never runs again: catch and log around every run.
        return () -> {
            try {
                task.run();
                log.recovered(what);
            } catch (RuntimeException e) {
                log.trouble(what, e);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
