package coder.notifications.templates;

import coder.notifications.config.Method;
import coder.notifications.delivery.Action;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A notification template as stored: Pebble templates producing Markdown, its actions (label and URL templates), and a
 * one-sentence description for the preference center.
 */
public record Template(
        UUID id,
        String name,
        String titleTemplate,
        String bodyTemplate,
        List<Action> actions,
        String group,
        Optional<Method> method,
        TemplateKind kind,
        boolean enabledByDefault,
        Audience audience,
        String description) {

    /** Whether a user with these directory roles can be among the recipients of this template's events. */
    public boolean reaches(java.util.Collection<String> roles) {
        return switch (audience) {
            case SUBJECT -> true;
            case ADMINS -> roles.contains("owner") || roles.contains("user-admin");
            case TEMPLATE_ADMINS -> roles.contains("owner") || roles.contains("template-admin");
        };
    }
}
