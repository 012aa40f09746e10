package coder.notifications.inbox;

import coder.notifications.templates.TemplateCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The icon of an item stored without one, as Coder answers it: by the kind of event its template reports, which
 * here is the template's group.
 */
@ApplicationScoped
public class Icons {

    static final String WORKSPACE = "DEFAULT_ICON_WORKSPACE";
    static final String ACCOUNT = "DEFAULT_ICON_ACCOUNT";
    static final String TEMPLATE = "DEFAULT_ICON_TEMPLATE";
    static final String OTHER = "DEFAULT_ICON_OTHER";

    @Inject
    TemplateCache templates;

    public String of(InboxNotification item) {
        if (!item.icon().isEmpty()) {
            return item.icon();
        }
        var template = templates.byIds(List.of(item.templateId())).get(item.templateId());
        return template == null ? OTHER : forGroup(template.group());
    }

    static String forGroup(String group) {
        return switch (group) {
            case "Workspace Events" -> WORKSPACE;
            case "User Events" -> ACCOUNT;
            case "Template Events" -> TEMPLATE;
            default -> OTHER;
        };
    }

    InboxItem item(InboxNotification item) {
        return InboxItem.of(item, of(item));
    }
}
