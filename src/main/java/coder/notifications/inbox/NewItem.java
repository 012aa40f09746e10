package coder.notifications.inbox;

import coder.notifications.delivery.Action;
import java.util.List;
import java.util.UUID;

/** An inbox item to store: the rendered title and body of one inbox message, keyed by that message's id. */
record NewItem(
        UUID id,
        UUID userId,
        UUID templateId,
        List<UUID> targets,
        String title,
        String content,
        List<Action> actions) {}
