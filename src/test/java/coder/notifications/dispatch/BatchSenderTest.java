package coder.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.delivery.Payload;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.Template;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch's deadlines, on one worker thread so that sends wait for each other: each send gets the dispatch
 * timeout from its own start, one that overruns is interrupted, one that could not start in time is released
 * without an attempt and never sent.
 */
class BatchSenderTest {

    static final Duration TIMEOUT = Duration.ofMillis(1000);

    private final ExecutorService oneWorker = Executors.newSingleThreadExecutor();
    private final AtomicInteger sendsStarted = new AtomicInteger();
    private final AtomicInteger sendsInterrupted = new AtomicInteger();

    @AfterEach
    void stop() {
        oneWorker.shutdownNow();
    }

    @Test
    void waitingForAWorkerDoesNotCountAndASendThatCannotStartInTimeIsReleased() {
        var sender = sender(Duration.ofMillis(600));
        var results = sender.send(List.of(message(), message(), message()), Map.of());
        // 0-600 ms the first, 600-1200 ms the second (within its own 1000 ms from 600), the third could start only at
        // 1200 ms.
        assertEquals(
                List.of(Result.Kind.SENT, Result.Kind.SENT, Result.Kind.RELEASED),
                results.stream().map(Result::kind).toList());
        sleep(800);
        assertEquals(2, sendsStarted.get(), "the released message was never sent");
    }

    @Test
    void aSendThatOverrunsItsDeadlineIsInterruptedAndRetryable() {
        var sender = sender(Duration.ofSeconds(5));
        var results = sender.send(List.of(message()), Map.of());
        assertEquals(Result.Kind.RETRYABLE, results.get(0).kind());
        assertTrue(results.get(0).reason().contains("timed out"), results.get(0).reason());
        sleep(200);
        assertEquals(1, sendsInterrupted.get(), "the send was stopped, not left running");
    }

    private BatchSender sender(Duration sendTakes) {
        var sender = new BatchSender();
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
        sender.workers = managed(oneWorker);
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
                sendsStarted.incrementAndGet();
                try {
                    Thread.sleep(sendTakes.toMillis());
                    return Result.sent(message);
                } catch (InterruptedException e) {
                    sendsInterrupted.incrementAndGet();
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

    /** The container's executor, played by a plain one. */
    private static ManagedExecutorService managed(ExecutorService executor) {
        return (ManagedExecutorService) Proxy.newProxyInstance(
                BatchSenderTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                    try {
                        return ExecutorService.class
                                .getMethod(method.getName(), method.getParameterTypes())
                                .invoke(executor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
