package coder.notifications.inbox;

import coder.notifications.delivery.Action;
import coder.notifications.delivery.Notification;
import java.util.List;
import java.util.UUID;

/** An inbox item to store: the rendered title and body of one inbox message, keyed by that message's id. */
public record NewItem(
        UUID id, UUID userId, UUID templateId, List<UUID> targets, String title, String content, List<Action> actions) {

    /** The item of a rendered inbox message: its Markdown title and body, its actions and targets. */
    public static NewItem of(Notification notification) {
        var payload = notification.payload();
        return new NewItem(
                notification.messageId(),
                payload.userId(),
                payload.notificationTemplateId(),
                payload.targets() == null ? List.of() : payload.targets(),
                notification.titleMarkdown(),
                notification.bodyMarkdown(),
                payload.actions() == null ? List.of() : payload.actions());
    }
}
