package coder.notifications.messages;

import coder.notifications.config.Method;
import coder.notifications.delivery.Payload;
import java.util.UUID;

/**
 * A message about to be enqueued: one recipient of one event, its payload as stored. {@code dedupeKey} names what
 * makes it identical to another (template, recipient, method, payload, targets); the store adds the day. Null when
 * identical ones may repeat (test and custom notifications).
 */
public record NewMessage(
        UUID id,
        UUID templateId,
        UUID userId,
        Method method,
        String createdBy,
        Payload payload,
        String payloadJson,
        String dedupeKey) {}
