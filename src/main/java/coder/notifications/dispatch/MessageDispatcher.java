package coder.notifications.dispatch;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.delivery.Deliverer;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.Method;
import coder.notifications.delivery.Notification;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import coder.notifications.templates.RenderContext;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateRenderer;
import coder.notifications.pages.PreferenceCenter;
import coder.notifications.unsubscribe.UnsubscribeLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends one leased message: inhibit it, or render it and hand it to the transport of its method. */
@ApplicationScoped
public class MessageDispatcher {

    @Inject
    TemplateRenderer renderer;
    @Inject
    DeploymentSettings deployment;
    @Inject
    Instance<Deliverer> deliverers;
    @Inject
    NotifierLog log;
    @Inject
    UnsubscribeLinks unsubscribeLinks;
    @Inject
    CoderMetrics metrics;

    public Result dispatch(LeasedMessage message, Template template, Duration timeout) {
        if (message.disabled()) {
            return Result.inhibited(message);
        }
        metrics.dispatching(message);
        try {
            return send(message, template, timeout);
        } finally {
            metrics.dispatched(message);
        }
    }

    private Result send(LeasedMessage message, Template template, Duration timeout) {
        Notification notification;
        try {
            notification = render(message, template);
        } catch (RuntimeException e) {
            return Result.permanent(message, "cannot render the message: " + e.getMessage());
        }
        log.debug("sending message " + message.id() + " by " + message.method());
        var started = System.nanoTime();
        var outcome = deliverer(message.method()).deliver(notification, timeout);
        metrics.sent(message.method(), Duration.ofNanos(System.nanoTime() - started));
        if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            return Result.retryable(message, retryable.reason());
        }
        if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            return Result.permanent(message, permanent.reason());
        }
        return Result.sent(message);
    }

    Notification render(LeasedMessage message, Template template) {
        JsonObject payload;
        try (var reader = Json.createReader(new StringReader(message.payloadJson()))) {
            payload = reader.readObject();
        }
        var context = new RenderContext(payload.getString("user_name", ""), payload.getString("user_username", ""),
                payload.getString("user_email", ""), labels(payload), TemplateRenderer.dataOf(payload.getJsonObject("data")),
                deployment.accessUrl().toString());
        var titleMarkdown = renderer.markdown(template.titleTemplate(), context);
        var bodyMarkdown = renderer.bodyMarkdown(template.bodyTemplate(), context);
        return new Notification(message.id(), payload, titleMarkdown, renderer.plainText(titleMarkdown).replaceAll("\\s*\\n\\s*", " "),
                bodyMarkdown, renderer.plainText(bodyMarkdown), renderer.html(bodyMarkdown),
                deployment.page(PreferenceCenter.PATH), unsubscribeLinks.url(message.userId(), template.id()));
    }

    private Deliverer deliverer(Method method) {
        return deliverers.stream().filter(deliverer -> deliverer.method() == method).findFirst()
                .orElseThrow(() -> new IllegalStateException("no transport for " + method));
    }

    private static Map<String, String> labels(JsonObject payload) {
        var labels = new LinkedHashMap<String, String>();
        var stored = payload.getJsonObject("labels");
        if (stored != null) {
            stored.forEach((key, value) -> labels.put(key, value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return labels;
    }
}
