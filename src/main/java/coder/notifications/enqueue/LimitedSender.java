package coder.notifications.enqueue;

import coder.notifications.api.Refusal;
import coder.notifications.api.TooManyRequestsException;
import coder.notifications.config.SendLimitSettings;
import coder.notifications.messages.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a person sends themself, the test and the custom notification, within their limit of
 * {@code CODER_NOTIFICATIONS_SEND_RATE_LIMIT} a minute, counted over every replica: the count and the new message
 * are one transaction under a lock of that person.
 */
@ApplicationScoped
public class LimitedSender {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final UUID TROUBLESHOOTING = UUID.fromString("c425f63e-716a-4bf4-ae24-78348f706c3f");
    static final UUID CUSTOM = UUID.fromString("39b1e189-c857-4b0c-877a-511144c18516");
    static final List<String> SOURCES = List.of(CallerNotificationsResource.TEST, CustomNotificationRequest.SOURCE);

    @Inject
    Enqueuer enqueuer;

    @Inject
    MessageStore messages;

    @Inject
    SendLimitSettings limit;

    /** The Troubleshooting Notification to the user; answers what became of it (the console follows it). */
    @Transactional(dontRollbackOn = Refusal.class)
    public EnqueueResult test(UUID user) {
        return send(
                EventRequest.toUser("Troubleshooting Notification", user, Map.of(), CallerNotificationsResource.TEST));
    }

    /** A custom notification to the user who wrote it. */
    @Transactional(dontRollbackOn = Refusal.class)
    public void custom(UUID user, CustomNotificationRequest request) {
        send(request.toEvent(user));
    }

    private EnqueueResult send(EventRequest event) {
        var user = event.userId().orElseThrow();
        messages.lockSendsOf(user);
        var ages = messages.agesWithin(user, List.of(TROUBLESHOOTING, CUSTOM), SOURCES, WINDOW);
        if (ages.size() >= limit.perMinute()) {
            var oldest = ages.get(ages.size() - limit.perMinute());
            throw new TooManyRequestsException(
                    "At most " + limit.perMinute() + " test and custom notifications a minute may be"
                            + " sent; try again later.",
                    WINDOW.minus(oldest));
        }
        return enqueuer.enqueueWithoutDedupe(event);
    }
}
