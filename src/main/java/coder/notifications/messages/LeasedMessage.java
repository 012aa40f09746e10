package coder.notifications.messages;

import coder.notifications.delivery.Method;
import java.util.UUID;

/**
 * A message this notifier holds until its lease ends; {@code disabled} when the recipient opted out since;
 * {@code queuedSeconds} how long it waited for its first lease; {@code leaseToken} the token its results must carry.
 */
public record LeasedMessage(UUID id, UUID templateId, UUID userId, Method method, String payloadJson,
                            int attemptCount, boolean disabled, double queuedSeconds, UUID leaseToken) {
}
