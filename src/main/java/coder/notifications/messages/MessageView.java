package coder.notifications.messages;

import coder.notifications.config.Method;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message as the troubleshooting API shows it; absent values are present as null. */
public record MessageView(
        UUID id,
        UUID notificationTemplateId,
        String notificationName,
        UUID userId,
        String method,
        String status,
        String statusReason,
        int attemptCount,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant leasedUntil,
        Instant nextRetryAfter) {

    /** As the messages query selects it (a JPQL constructor expression). */
    public MessageView(
            UUID id,
            UUID notificationTemplateId,
            String notificationName,
            UUID userId,
            Method method,
            MessageStatus status,
            String statusReason,
            Integer attemptCount,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime leasedUntil,
            OffsetDateTime nextRetryAfter) {
        this(
                id,
                notificationTemplateId,
                notificationName,
                userId,
                method.name(),
                status.name(),
                statusReason,
                attemptCount,
                createdBy,
                instant(createdAt),
                instant(updatedAt),
                instant(leasedUntil),
                instant(nextRetryAfter));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
