package coder.notifications.dispatch;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.Method;
import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Payload;
import coder.notifications.templates.RenderContext;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateRenderer;
import coder.notifications.unsubscribe.UnsubscribeLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Renders a message's template with its stored payload into the notification a transport sends: for the notifier,
 * and for the console, which shows an owner the email or webhook document a message carried (or a template would
 * carry) exactly as the notifier renders it.
 */
@ApplicationScoped
public class NotificationRendering {

    @Inject
    TemplateRenderer renderer;

    @Inject
    DeploymentSettings deployment;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    public Notification render(UUID messageId, UUID userId, Method method, Payload payload, Template template) {
        var context = new RenderContext(
                payload.userName(),
                payload.userUsername(),
                payload.userEmail(),
                payload.labels(),
                TemplateRenderer.dataOf(payload.data()),
                deployment.accessUrl().toString());
        var titleMarkdown = renderer.markdown(template.titleTemplate(), context);
        var bodyMarkdown = renderer.bodyMarkdown(template.bodyTemplate(), context);
        return new Notification(
                messageId,
                payload,
                titleMarkdown,
                renderer.plainText(titleMarkdown).replaceAll("\\s*\\n\\s*", " "),
                bodyMarkdown,
                renderer.plainText(bodyMarkdown),
                // Only an email has an HTML part: a webhook carries Markdown and plain text (SPEC 7.2).
                method == Method.smtp ? renderer.html(bodyMarkdown) : "",
                deployment.page(DeploymentSettings.PREFERENCES_PAGE),
                unsubscribeLinks.url(userId, template.id()));
    }
}
