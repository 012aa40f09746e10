package coder.notifications.templates;

import coder.notifications.delivery.Method;
import java.util.Optional;
import java.util.UUID;

/**
 * A notification template as stored: Pebble templates producing Markdown, a JSON array of actions, and a
 * one-sentence description for the preference center.
 */
public record Template(UUID id, String name, String titleTemplate, String bodyTemplate, String actionsJson,
                       String group, Optional<Method> method, String kind, boolean enabledByDefault,
                       Audience audience, String description) {

    /** Whether a user with these directory roles can be among the recipients of this template's events. */
    public boolean reaches(java.util.Collection<String> roles) {
        return switch (audience) {
            case SUBJECT -> true;
            case ADMINS -> roles.contains("owner") || roles.contains("user-admin");
            case TEMPLATE_ADMINS -> roles.contains("owner") || roles.contains("template-admin");
        };
    }
}
