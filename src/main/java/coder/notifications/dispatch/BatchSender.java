package coder.notifications.dispatch;

import coder.notifications.config.NotifierSettings;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.Template;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a leased batch concurrently, each send within the dispatch timeout of the batch's start; a send that
 * overruns is cancelled and counted as a retryable failure. Outside any transaction.
 */
@ApplicationScoped
public class BatchSender {

    @Resource
    ManagedExecutorService workers;
    @Inject
    NotifierSettings settings;
    @Inject
    MessageDispatcher dispatcher;
    @Inject
    CoderMetrics metrics;
    @Inject
    NotifierLog log;

    public List<Result> send(List<LeasedMessage> leased, Map<UUID, Template> templatesById) {
        var timeout = settings.dispatchTimeout();
        var sends = leased.stream()
                .map(message -> workers.submit(() -> dispatcher.dispatch(message, templatesById.get(message.templateId()), timeout)))
                .toList();
        var deadline = Instant.now().plus(timeout);
        var results = new ArrayList<Result>();
        for (int i = 0; i < leased.size(); i++) {
            var message = leased.get(i);
            var result = await(message, sends.get(i), deadline);
            metrics.attempted(message, result, settings.maxSendAttempts());
            logFailure(message, result);
            results.add(result);
        }
        return results;
    }

    private void logFailure(LeasedMessage message, Result result) {
        if (result.kind() != Result.Kind.RETRYABLE && result.kind() != Result.Kind.PERMANENT) {
            return;
        }
        var attempt = message.attemptCount() + 1;
        var last = result.kind() == Result.Kind.PERMANENT || attempt >= settings.maxSendAttempts();
        log.failed("send of message " + message.id() + " by " + message.method() + " failed (attempt " + attempt + " of "
                + settings.maxSendAttempts() + (last ? ", no more tries" : ", to be tried again")
                + "): " + result.reason());
    }

    private Result await(LeasedMessage message, Future<Result> send, Instant deadline) {
        try {
            return send.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            send.cancel(true);
            return Result.retryable(message, "dispatch timed out after " + settings.dispatchTimeout().toSeconds() + "s");
        } catch (ExecutionException e) {
            return Result.retryable(message, "dispatch failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.retryable(message, "dispatch interrupted by shutdown");
        }
    }
}
