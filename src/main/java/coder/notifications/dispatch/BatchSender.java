package coder.notifications.dispatch;

import coder.notifications.config.CoderDuration;
import coder.notifications.config.NotifierSettings;
import coder.notifications.delivery.FailureText;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.lifecycle.ServiceStopping;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.Template;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a leased batch concurrently, each send within the dispatch timeout from its own start; a send that
 * overruns is interrupted and counted as a retryable failure, and one that could not start in time is released
 * without using an attempt. Outside any transaction.
 */
@ApplicationScoped
public class BatchSender {

    static final String RELEASED =
            "released: not started within the dispatch timeout; tried again without using an attempt";

    @Resource
    ManagedThreadFactory threads;

    /**
     * The threads the sends run on: made by the container's thread factory (so they carry the application's
     * context from their start), pooled here, so that a send does not pay for capturing and restoring the
     * context of a managed task, the larger part of a small webhook's cost.
     */
    ExecutorService workers;

    @Inject
    NotifierSettings settings;

    @Inject
    MessageDispatcher dispatcher;

    @Inject
    CoderMetrics metrics;

    @Inject
    NotifierLog log;

    /** Every deadline of a batch (start by, started plus the timeout) is read from it, so a test can move it. */
    @Inject
    Clock clock;

    /**
     * One send of the batch: its task, when the task started (null while it waits for a worker), and who claimed
     * it first: the task (to send) or the batch (to release it unsent). Never both.
     */
    private record Send(
            LeasedMessage message, Future<Result> task, AtomicReference<Instant> started, AtomicBoolean claimed) {}

    @PostConstruct
    void startWorkers() {
        workers = Executors.newCachedThreadPool(threads);
    }

    /** After the notifier has finished its batches (priority 100), before the database stops (10 000). */
    void stopWorkers(@Observes @Priority(9_500) ServiceStopping stopping) {
        workers.shutdown();
    }

    public List<Result> send(List<LeasedMessage> leased, Map<UUID, Template> templatesById) {
        var timeout = settings.dispatchTimeout();
        // A send that has not started within one timeout is released: started later, it could outlive its lease.
        var startBy = clock.instant().plus(timeout);
        var sends = leased.stream()
                .map(message -> {
                    var started = new AtomicReference<Instant>();
                    var claimed = new AtomicBoolean();
                    // Each send's deadline counts from its own start, not from the batch's: waiting for a worker is not
                    // sending.
                    var task = workers.submit(() -> {
                        if (clock.instant().isAfter(startBy) || !claimed.compareAndSet(false, true)) {
                            claimed.set(true);
                            return Result.released(message, RELEASED);
                        }
                        started.set(clock.instant());
                        return dispatcher.dispatch(message, templatesById.get(message.templateId()), timeout);
                    });
                    return new Send(message, task, started, claimed);
                })
                .toList();
        var results = new ArrayList<Result>();
        for (var send : sends) {
            var result = await(send, startBy, timeout);
            metrics.attempted(send.message(), result, settings.maxSendAttempts());
            logFailure(send.message(), result);
            results.add(result);
        }
        return results;
    }

    private void logFailure(LeasedMessage message, Result result) {
        failureLine(message, result, settings.maxSendAttempts()).ifPresent(log::failed);
    }

    /** The log line of a failed attempt, saying whether the message will be tried again; none for other results. */
    static Optional<String> failureLine(LeasedMessage message, Result result, int maxAttempts) {
        if (result.kind() != Result.Kind.RETRYABLE && result.kind() != Result.Kind.PERMANENT) {
            return Optional.empty();
        }
        var attempt = message.attemptCount() + 1;
        var last = result.kind() == Result.Kind.PERMANENT || attempt >= maxAttempts;
        return Optional.of("send of message " + message.id() + " by " + message.method() + " failed (attempt " + attempt
                + " of " + maxAttempts + (last ? ", no more tries" : ", to be tried again") + "): " + result.reason());
    }

    /**
     * The send's outcome, waited for until its own deadline. An interrupt of the waiting thread (the container
     * cancels the application's tasks as it stops) does not end the wait: the send itself goes on, and an outcome
     * guessed now ("interrupted") would have the message sent again although it may have arrived.
     */
    private Result await(Send send, Instant startBy, Duration timeout) {
        var interrupted = false;
        try {
            while (true) {
                try {
                    return awaitOnce(send, startBy, timeout);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Result awaitOnce(Send send, Instant startBy, Duration timeout) throws InterruptedException {
        var message = send.message();
        try {
            while (true) {
                var started = send.started().get();
                var now = clock.instant();
                if (started == null && now.isAfter(startBy) && send.claimed().compareAndSet(false, true)) {
                    send.task().cancel(false);
                    return Result.released(message, RELEASED);
                }
                var deadline = started == null ? startBy : started.plus(timeout);
                if (started != null && now.isAfter(deadline)) {
                    // Interrupts the send; its sockets' timeouts (the dispatch timeout) bound what is left of it.
                    send.task().cancel(true);
                    return Result.retryable(message, "dispatch timed out after " + CoderDuration.format(timeout));
                }
                // A short real-time wait, then the clock is read again: the deadlines are the clock's, not the wait's.
                try {
                    return send.task()
                            .get(
                                    Math.max(
                                            1,
                                            Math.min(
                                                    50,
                                                    Duration.between(now, deadline)
                                                            .toMillis())),
                                    TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not finished yet: look again
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            return Result.released(message, RELEASED);
        } catch (ExecutionException e) {
            return Result.retryable(message, "dispatch failed: " + FailureText.of(e.getCause()));
        }
    }
}
