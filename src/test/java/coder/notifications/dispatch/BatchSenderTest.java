package coder.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.delivery.Payload;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.Template;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch's deadlines, on one worker thread so that sends wait for each other: each send gets the dispatch
 * timeout from its own start, one that overruns is interrupted, one that could not start in time is released
 * without an attempt and never sent. Time is a {@link TestClock} the test moves while the sends block, so the
 * outcome never depends on how fast this machine is.
 */
class BatchSenderTest {

    /** Longer than any of these tests runs in real time: only the test's clock can make a deadline pass. */
    static final Duration TIMEOUT = Duration.ofMinutes(1);

    /**
     * How long the test waits for a thread to get somewhere before it fails: a safety net for a broken sender,
     * shorter than the timeout, so never what decides an outcome (the clock does).
     */
    static final long PATIENCE_SECONDS = 10;

    private final TestClock clock = new TestClock();
    private final ExecutorService oneWorker = Executors.newSingleThreadExecutor();
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    /** Each send reports here as it starts, then blocks until the test lets one finish. */
    private final BlockingQueue<LeasedMessage> started = new LinkedBlockingQueue<>();

    private final Semaphore mayFinish = new Semaphore(0);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final BatchSender sender = sender();

    @AfterEach
    void stop() {
        oneWorker.shutdownNow();
        caller.shutdownNow();
    }

    @Test
    void aSendThatFinishesWithinItsTimeoutIsSent() throws Exception {
        var batch = send(message());
        awaitStart();
        clock.advance(TIMEOUT.minusMillis(1));
        mayFinish.release();
        assertEquals(List.of(Result.Kind.SENT), kinds(batch));
    }

    @Test
    void aSendThatOverrunsItsTimeoutIsInterruptedAndRetryable() throws Exception {
        var batch = send(message());
        awaitStart();
        clock.advance(TIMEOUT.plusMillis(1));
        var result = batch.get(PATIENCE_SECONDS, TimeUnit.SECONDS).get(0);
        assertEquals(Result.Kind.RETRYABLE, result.kind());
        assertEquals("dispatch timed out after 1m0s", result.reason());
        assertTrue(interrupted.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the send was stopped, not left running");
    }

    @Test
    void waitingForAWorkerDoesNotCountAndASendThatCannotStartInTimeIsReleased() throws Exception {
        var batch = send(message(), message(), message());
        awaitStart();
        clock.advance(TIMEOUT.multipliedBy(6).dividedBy(10));
        mayFinish.release();
        awaitStart();
        // 1.2 timeouts after the batch began, the second send is 0.6 into its own timeout; the third, still waiting
        // for the one worker, can no longer start within one timeout of the batch.
        clock.advance(TIMEOUT.multipliedBy(6).dividedBy(10));
        mayFinish.release();
        assertEquals(List.of(Result.Kind.SENT, Result.Kind.SENT, Result.Kind.RELEASED), kinds(batch));
        oneWorker.shutdown();
        assertTrue(oneWorker.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(started), "the released message was never sent");
    }

    /** Sends the batch from another thread, so that this one can move the clock meanwhile. */
    private Future<List<Result>> send(LeasedMessage... messages) {
        return caller.submit(() -> sender.send(List.of(messages), Map.of()));
    }

    private void awaitStart() throws InterruptedException {
        assertNotNull(started.poll(PATIENCE_SECONDS, TimeUnit.SECONDS), "a send started");
    }

    private static List<Result.Kind> kinds(Future<List<Result>> batch) throws Exception {
        return batch.get(PATIENCE_SECONDS, TimeUnit.SECONDS).stream()
                .map(Result::kind)
                .toList();
    }

    private BatchSender sender() {
        var sender = new BatchSender();
        sender.clock = clock;
        sender.settings = new NotifierSettings(
                Method.webhook,
                TIMEOUT,
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                20,
                Duration.ofSeconds(1),
                50);
        sender.workers = oneWorker;
        sender.metrics = new CoderMetrics() {
            @Override
            void attempted(LeasedMessage message, Result result, int maxAttempts) {}
        };
        sender.log = new NotifierLog() {
            @Override
            public void failed(String message) {}
        };
        sender.dispatcher = new MessageDispatcher() {
            @Override
            public Result dispatch(LeasedMessage message, Template template, Duration timeout) {
                started.add(message);
                try {
                    mayFinish.acquire();
                    return Result.sent(message);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    return Result.retryable(message, "interrupted");
                }
            }
        };
        return sender;
    }

    private static LeasedMessage message() {
        return new LeasedMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Method.webhook,
                (Payload) null,
                0,
                false,
                0,
                UUID.randomUUID());
    }
}
