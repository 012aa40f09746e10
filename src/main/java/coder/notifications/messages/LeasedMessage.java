package coder.notifications.messages;

import coder.notifications.config.Method;
import coder.notifications.delivery.FailureText;
import coder.notifications.delivery.Payload;
import java.util.Optional;
import java.util.UUID;

/**
 * A message this notifier holds until its lease ends; {@code disabled} when the recipient opted out since;
 * {@code queuedSeconds} how long it waited for its first lease; {@code leaseToken} the token its results must carry.
 * A stored payload that cannot be read leaves {@code payload} null and says why in {@code unreadable}: one such row
 * must fail on its own, never take the lease of the others down with it.
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
        UUID leaseToken,
        Optional<String> unreadable) {

    public LeasedMessage(
            UUID id,
            UUID templateId,
            UUID userId,
            Method method,
            Payload payload,
            int attemptCount,
            boolean disabled,
            double queuedSeconds,
            UUID leaseToken) {
        this(
                id,
                templateId,
                userId,
                method,
                payload,
                attemptCount,
                disabled,
                queuedSeconds,
                leaseToken,
                Optional.empty());
    }

    /** As the lease statement returns it (see {@link NotificationMessage}'s result mapping); never throws. */
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
                StoredPayload.read(payload),
                attemptCount,
                disabled,
                queuedSeconds,
                leaseToken);
    }

    private LeasedMessage(
            UUID id,
            UUID templateId,
            UUID userId,
            Method method,
            StoredPayload stored,
            int attemptCount,
            boolean disabled,
            double queuedSeconds,
            UUID leaseToken) {
        this(
                id,
                templateId,
                userId,
                method,
                stored.payload(),
                attemptCount,
                disabled,
                queuedSeconds,
                leaseToken,
                stored.problem());
    }

    /** A payload as read from its column: the payload, or why it could not be read. */
    private record StoredPayload(Payload payload, Optional<String> problem) {

        static StoredPayload read(String json) {
            try {
                return new StoredPayload(Payload.fromJson(json), Optional.empty());
            } catch (RuntimeException e) {
                return new StoredPayload(null, Optional.of("cannot read the stored payload: " + FailureText.of(e)));
            }
        }
    }
}
