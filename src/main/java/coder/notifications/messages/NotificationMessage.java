package coder.notifications.messages;

import coder.notifications.config.Method;
import coder.notifications.database.MethodConverter;
import coder.notifications.database.NullableUuidConverter;
import coder.notifications.database.UuidArrayConverter;
import coder.notifications.delivery.Payload;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One message to one recipient ({@code notification_messages}). Written in bulk by native statements (enqueue,
 * lease, results: see {@link MessageStore}); read through this entity by the messages API.
 */
@Entity
@Table(name = "notification_messages")
@SqlResultSetMapping(
        name = NotificationMessage.ENQUEUED,
        classes =
                @ConstructorResult(
                        targetClass = Enqueued.class,
                        columns = {
                            @ColumnResult(name = "id", type = UUID.class),
                            @ColumnResult(name = "disabled", type = Boolean.class),
                            @ColumnResult(name = "stored", type = Boolean.class)
                        }))
@SqlResultSetMapping(
        name = NotificationMessage.LEASED,
        classes =
                @ConstructorResult(
                        targetClass = LeasedMessage.class,
                        columns = {
                            @ColumnResult(name = "id", type = UUID.class),
                            @ColumnResult(name = "notification_template_id", type = UUID.class),
                            @ColumnResult(name = "user_id", type = UUID.class),
                            @ColumnResult(name = "method", type = String.class),
                            @ColumnResult(name = "payload", type = String.class),
                            @ColumnResult(name = "attempt_count", type = Integer.class),
                            @ColumnResult(name = "disabled", type = Boolean.class),
                            @ColumnResult(name = "queued_seconds", type = Double.class),
                            @ColumnResult(name = "lease_token", type = UUID.class)
                        }))
public class NotificationMessage {

    /** The result mapping of the enqueue statement: its rows as {@link Enqueued}. */
    static final String ENQUEUED = "Enqueued";

    /** The result mapping of the lease statement: its rows as {@link LeasedMessage}s. */
    static final String LEASED = "LeasedMessage";

    @Id
    private UUID id;

    @Column(name = "notification_template_id", nullable = false)
    private UUID templateId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Convert(converter = MethodConverter.class)
    @Column(nullable = false)
    private Method method;

    @Convert(converter = MessageStatus.Column.class)
    @Column(nullable = false)
    private MessageStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Convert(converter = PayloadColumn.class)
    @Column(nullable = false)
    private Payload payload;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Convert(converter = UuidArrayConverter.class)
    @Column(nullable = false)
    private List<UUID> targets;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "leased_until")
    private OffsetDateTime leasedUntil;

    @Column(name = "next_retry_after")
    private OffsetDateTime nextRetryAfter;

    @Column(name = "queued_seconds")
    private Double queuedSeconds;

    @Column(name = "dedupe_hash")
    private String dedupeHash;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "lease_token")
    private UUID leaseToken;

    protected NotificationMessage() {}

    public UUID id() {
        return id;
    }

    public MessageStatus status() {
        return status;
    }

    public Payload payload() {
        return payload;
    }

    public List<UUID> targets() {
        return targets;
    }
}
