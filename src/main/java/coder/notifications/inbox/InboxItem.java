package coder.notifications.inbox;

import coder.notifications.delivery.Action;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An inbox item as the API answers it (SPEC 12 {@code InboxNotification}, Coder's shape). */
public record InboxItem(
        UUID id,
        UUID userId,
        UUID templateId,
        List<UUID> targets,
        String title,
        String content,
        String icon,
        List<Action> actions,
        Instant readAt,
        Instant createdAt) {

    static InboxItem of(InboxNotification item, String icon) {
        return new InboxItem(
                item.id(),
                item.userId(),
                item.templateId(),
                item.targets(),
                item.title(),
                item.content(),
                icon,
                item.actions(),
                item.readAt() == null ? null : item.readAt().toInstant(),
                item.createdAt().toInstant());
    }

    /** The same item with its title and content as plain text, for watchers that asked for {@code format=plaintext}. */
    InboxItem withText(String title, String content) {
        return new InboxItem(id, userId, templateId, targets, title, content, icon, actions, readAt, createdAt);
    }

    /** {@code {"notifications": [...], "unread_count": n}}: a page of the list. */
    public record Page(List<InboxItem> notifications, long unreadCount) {}

    /** {@code {"notification": ..., "unread_count": n}}: the answer to a read-status change, and each frame of a watch. */
    public record One(InboxItem notification, long unreadCount) {}
}
