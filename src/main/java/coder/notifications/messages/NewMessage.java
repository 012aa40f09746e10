package coder.notifications.messages;

import coder.notifications.delivery.Method;
import java.util.List;
import java.util.UUID;

/** A message about to be enqueued: one recipient of one event. */
public record NewMessage(UUID id, UUID templateId, UUID userId, Method method, String createdBy, String payloadJson,
                         List<UUID> targets, String dedupeHash) {
}
