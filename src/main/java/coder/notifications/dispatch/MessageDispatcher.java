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

/** Sends one leased message: inhibit it, or render it and hand it to the transport of its method. */
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
        for (var method : Method.values()) {
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
        if (message.disabled()) {
            return Result.inhibited(message);
        }
        if (message.unreadable().isPresent()) {
            return Result.permanent(message, message.unreadable().get());
        }
        if (template == null) {
            return Result.permanent(message, "its template " + message.templateId() + " no longer exists");
        }
        metrics.dispatching(message);
        try {
            return send(message, template, timeout);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect, not a passing trouble (transports answer those as retryable outcomes): trying again would
            // fail the same way, attempt after attempt.
            return Result.permanent(message, "delivery failed unexpectedly: " + FailureText.of(e));
        } finally {
            metrics.dispatched(message);
        }
    }

    private Result send(LeasedMessage message, Template template, Duration timeout) {
        Notification notification;
        try {
            notification = render(message, template);
        } catch (RuntimeException | StackOverflowError e) {
            return Result.permanent(message, "cannot render the message: " + FailureText.of(e));
        }
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

    Notification render(LeasedMessage message, Template template) {
        return rendering.render(message.id(), message.userId(), message.method(), message.payload(), template);
    }
}
