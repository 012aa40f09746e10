package coder.notifications.pages;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.Method;
import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Payload;
import coder.notifications.dispatch.NotificationRendering;
import coder.notifications.templates.RenderContext;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateRenderer;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A template as its recipients would get it, rendered with sample labels for the signed-in owner: what a template
 * admin checks before turning a template on. Each label the template names gets a sample value (a realistic one for
 * the labels Coder sends, the label's name in words for any other).
 */
@ApplicationScoped
public class TemplatePreview {

    /** The message id of a preview: no message has it. */
    static final UUID PREVIEW = new UUID(0, 0);

    private static final Pattern LABEL = Pattern.compile("labels\\.([A-Za-z_][A-Za-z0-9_]*)");

    static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("name", "dev-workspace"),
            Map.entry("reason", "autodeleted due to dormancy"),
            Map.entry("initiator", "autobuild"),
            Map.entry("template_name", "docker"),
            Map.entry("template_version_name", "v1.4.2"),
            Map.entry("template_version_message", "Go 1.23 and a larger disk"),
            Map.entry("workspace_owner_username", "danny"),
            Map.entry("workspace_build_number", "42"),
            Map.entry("timeTilDormant", "24 hours"),
            Map.entry("custom_title", "A message from your administrators"),
            Map.entry("custom_message", "The cluster is upgraded tonight at 22:00 UTC."));

    @Inject
    NotificationRendering rendering;

    @Inject
    TemplateRenderer renderer;

    @Inject
    DeploymentSettings deployment;

    /** The labels a template names, each with its sample value, by name. */
    static Map<String, String> sampleLabels(Template template) {
        var text = new StringBuilder(template.titleTemplate()).append('\n').append(template.bodyTemplate());
        template.actions()
                .forEach(action ->
                        text.append('\n').append(action.label()).append('\n').append(action.url()));
        var labels = new TreeMap<String, String>();
        var matcher = LABEL.matcher(text);
        while (matcher.find()) {
            var name = matcher.group(1);
            labels.put(name, SAMPLES.getOrDefault(name, sample(name)));
        }
        return labels;
    }

    /** A label's name as a sample value: "deleted_account_name" → "deleted account name". */
    private static String sample(String name) {
        if (name.endsWith("_account_name")) {
            return "danny";
        }
        if (name.endsWith("_account_user_name")) {
            return "Danny Morgan";
        }
        return name.replace('_', ' ');
    }

    /** The notification the template makes for this person with its sample labels, as the method's transport gets it. */
    Notification render(Template template, UserView person, Method method) {
        var labels = sampleLabels(template);
        var name = person.name() == null || person.name().isBlank() ? person.username() : person.name();
        var context = new RenderContext(
                name,
                person.username(),
                person.email(),
                labels,
                Map.of(),
                deployment.accessUrl().toString());
        var payload = new Payload(
                Payload.VERSION,
                template.name(),
                template.id(),
                person.id(),
                person.email(),
                name,
                person.username(),
                renderer.actions(template.actions(), context),
                labels,
                JsonValue.EMPTY_JSON_OBJECT,
                List.of());
        return rendering.render(PREVIEW, person.id(), method, payload, template);
    }

    /** The preview's parts: the email (subject, text; its HTML framed) and the webhook document. */
    RenderedParts parts(Template template, UserView person) {
        var email = RenderedParts.of(render(template, person, Method.smtp));
        var webhook = RenderedParts.of(render(template, person, Method.webhook));
        return new RenderedParts(
                email.subject(), email.text(), webhook.webhookDocument(), email.inboxTitle(), email.inboxContent());
    }
}
