package coder.notifications.templates;

import coder.notifications.delivery.Method;
import java.util.Optional;
import java.util.UUID;

/** A notification template as stored: Pebble templates producing Markdown, and a JSON array of actions. */
public record Template(UUID id, String name, String titleTemplate, String bodyTemplate, String actionsJson,
                       String group, Optional<Method> method, String kind, boolean enabledByDefault,
                       Audience audience) {
}
