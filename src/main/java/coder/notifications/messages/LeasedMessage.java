package coder.notifications.messages;

import coder.notifications.config.Method;
import coder.notifications.delivery.Payload;
import java.util.UUID;

/**
 * A message this notifier holds until its lease ends; {@code disabled} when the recipient opted out since;
 * {@code queuedSeconds} how long it waited for its first lease; {@code leaseToken} the token its results must carry.
 */
public record LeasedMessage(
        UUID id,
        UUID templateId,
        UUID userId,
        Method method,
        Payload payload,
        int attemptCount,
        boolean disabled,
        double queuedSeconds,
        UUID leaseToken) {

    /** As the lease statement returns it (see {@link NotificationMessage}'s result mapping). */
    public LeasedMessage(
            UUID id,
            UUID templateId,
            UUID userId,
            String method,
            String payload,
            Integer attemptCount,
            Boolean disabled,
            Double queuedSeconds,
            UUID leaseToken) {
        this(
                id,
                templateId,
                userId,
                Method.valueOf(method),
                Payload.fromJson(payload),
                attemptCount,
                disabled,
                queuedSeconds,
                leaseToken);
    }
}
