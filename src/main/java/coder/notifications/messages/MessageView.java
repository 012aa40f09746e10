package coder.notifications.messages;

import java.time.Instant;
import java.util.UUID;

/** A message as the troubleshooting API shows it; absent values are present as null. */
public record MessageView(UUID id, UUID notificationTemplateId, String notificationName, UUID userId, String method,
                          String status, String statusReason, int attemptCount, String createdBy, Instant createdAt,
                          Instant updatedAt, Instant leasedUntil, Instant nextRetryAfter) {
}
