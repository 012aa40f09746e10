package coder.notifications.dispatch;

import coder.notifications.config.Method;
import coder.notifications.delivery.Deliverer;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.FailureText;
import coder.notifications.delivery.Notification;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.Template;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one leased message: inhibit it, or render it and hand it to the transport of its method (email or webhook;
 * the inbox lane stores inbox messages itself, with the checks and the rendering of this class).
 */
@ApplicationScoped
public class MessageDispatcher {

    @Inject
    NotificationRendering rendering;

    @Inject
    Instance<Deliverer> deliverers;

    @Inject
    NotifierLog log;

    @Inject
    CoderMetrics metrics;

    /** The transport of each method, looked up once. */
    private final Map<Method, Deliverer> byMethod = new EnumMap<>(Method.class);

    @PostConstruct
    void findDeliverers() {
        deliverers.forEach(deliverer -> byMethod.put(deliverer.method(), deliverer));
        // Inbox messages never come here: the inbox lane delivers them (InboxLane).
        for (var method : Method.DEPLOYMENT_METHODS) {
            if (!byMethod.containsKey(method)) {
                throw new IllegalStateException("no transport for the delivery method " + method);
            }
        }
    }

    /**
     * Never throws: whatever one message holds (an unreadable payload, a template deleted since, a transport that
     * throws) ends that message alone as a permanent failure naming the problem, and its batch goes on.
     */
    public Result dispatch(LeasedMessage message, Template template, Duration timeout) {
        var decided = decidedBeforeSending(message, template);
        if (decided.isPresent()) {
            return decided.get();
        }
        metrics.dispatching(message);
        try {
            var rendering = render(message, template);
            if (rendering instanceof Rendering.Failed failed) {
                return failed.result();
            }
            return send(message, ((Rendering.Rendered) rendering).notification(), timeout);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect, not a passing trouble (transports answer those as retryable outcomes): trying again would
            // fail the same way, attempt after attempt.
            return Result.permanent(message, "delivery failed unexpectedly: " + FailureText.of(e));
        } finally {
            metrics.dispatched(message);
        }
    }

    /**
     * The outcome a message has before anything is rendered, if it has one: inhibited (its recipient turned the
     * template off since), or failed for good (its payload cannot be read, its template no longer exists).
     */
    Optional<Result> decidedBeforeSending(LeasedMessage message, Template template) {
        if (message.disabled()) {
            return Optional.of(Result.inhibited(message));
        }
        if (message.unreadable().isPresent()) {
            return Optional.of(Result.permanent(message, message.unreadable().get()));
        }
        if (template == null) {
            return Optional.of(Result.permanent(message, "its template " + message.templateId() + " no longer exists"));
        }
        return Optional.empty();
    }

    /** A message rendered for its transport, or failed for good because it cannot be rendered. */
    sealed interface Rendering {
        record Rendered(Notification notification) implements Rendering {}

        record Failed(Result result) implements Rendering {}
    }

    /** Never throws: a template that fails on this message's labels fails the message alone. */
    Rendering render(LeasedMessage message, Template template) {
        try {
            return new Rendering.Rendered(
                    rendering.render(message.id(), message.userId(), message.method(), message.payload(), template));
        } catch (RuntimeException | StackOverflowError e) {
            return new Rendering.Failed(Result.permanent(message, "cannot render the message: " + FailureText.of(e)));
        }
    }

    private Result send(LeasedMessage message, Notification notification, Duration timeout) {
        log.debug("sending message " + message.id() + " by " + message.method());
        var started = System.nanoTime();
        var outcome = byMethod.get(message.method()).deliver(notification, timeout);
        metrics.sent(message.method(), Duration.ofNanos(System.nanoTime() - started));
        if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            return Result.retryable(message, retryable.reason());
        }
        if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            return Result.permanent(message, permanent.reason());
        }
        return Result.sent(message);
    }
}
