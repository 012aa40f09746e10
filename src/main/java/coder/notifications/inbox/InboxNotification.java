package coder.notifications.inbox;

import coder.notifications.database.UuidArrayConverter;
import coder.notifications.delivery.Action;
import coder.notifications.templates.ActionsColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One item of a person's inbox ({@code inbox_notifications}). Written once, idempotently, by the delivery of its
 * inbox message ({@link InboxStore#writeAll}, a native statement); afterwards only its read time changes.
 */
@Entity
@Table(name = "inbox_notifications")
public class InboxNotification {

    /** The id of the inbox message that delivered it. */
    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "template_id", nullable = false)
    private UUID templateId;

    @Convert(converter = UuidArrayConverter.class)
    @Column(nullable = false)
    private List<UUID> targets;

    /** Markdown, rendered at delivery. */
    @Column(nullable = false)
    private String title;

    /** Markdown, rendered at delivery. */
    @Column(nullable = false)
    private String content;

    @Column(nullable = false)
    private String icon;

    @Convert(converter = ActionsColumn.class)
    @Column(nullable = false)
    private List<Action> actions;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For JPA: items are only read through the entity (and marked read). */
    protected InboxNotification() {}

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public UUID templateId() {
        return templateId;
    }

    public List<UUID> targets() {
        return targets == null ? List.of() : targets;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public String icon() {
        return icon == null ? "" : icon;
    }

    public List<Action> actions() {
        return actions == null ? List.of() : actions;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** Read from {@code now} (an item read before keeps its first read time), or unread again. */
    void markRead(boolean read, OffsetDateTime now) {
        if (!read) {
            readAt = null;
        } else if (readAt == null) {
            readAt = now;
        }
    }

    public boolean unread() {
        return readAt == null;
    }
}
