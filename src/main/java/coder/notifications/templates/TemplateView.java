package coder.notifications.templates;

import coder.notifications.delivery.Action;
import java.util.List;
import java.util.UUID;

/** A template on the wire; {@code method} is empty when the template follows the deployment default. */
public record TemplateView(
        UUID id,
        String name,
        String titleTemplate,
        String bodyTemplate,
        List<Action> actions,
        String group,
        String method,
        String kind,
        boolean enabledByDefault) {

    static TemplateView of(Template template) {
        return new TemplateView(
                template.id(),
                template.name(),
                template.titleTemplate(),
                template.bodyTemplate(),
                template.actions(),
                template.group(),
                template.method().map(Enum::name).orElse(""),
                template.kind().name(),
                template.enabledByDefault());
    }
}
