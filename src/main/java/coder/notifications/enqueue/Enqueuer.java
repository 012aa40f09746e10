package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.NotifierSettings;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.NewMessage;
import coder.notifications.preferences.PreferenceStore;
import coder.notifications.templates.RenderContext;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateRenderer;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns events into messages, one transaction per request: an event is stored whole or not at all. */
@ApplicationScoped
public class Enqueuer {

    public static final int MAX_BATCH = 1000;

    @Inject
    TemplateStore templates;
    @Inject
    RecipientResolver recipients;
    @Inject
    PreferenceStore preferences;
    @Inject
    MessageStore messages;
    @Inject
    TemplateRenderer renderer;
    @Inject
    DeploymentSettings deployment;
    @Inject
    NotifierSettings notifier;

    /** A rejected event of a batch: the error the single-event endpoint would have answered. */
    public record Rejected(ApiError error) {
    }

    @Transactional
    public EnqueueResult enqueue(EventRequest event) {
        var result = enqueueOne(event, true);
        messages.announce();
        return result;
    }

    /** For notifications a person asks for (test, custom): each request is sent, identical or not. */
    @Transactional
    public EnqueueResult enqueueWithoutDedupe(EventRequest event) {
        var result = enqueueOne(event, false);
        messages.announce();
        return result;
    }

    /**
     * Enqueues each event of a batch; an invalid event is answered with its error and stores nothing, the valid
     * ones are stored together in one transaction.
     */
    @Transactional
    public List<Object> enqueueAll(List<JsonValue> events) {
        var results = new ArrayList<Object>();
        for (var event : events) {
            try {
                if (event.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw InvalidRequestException.field("event", "must be a JSON object");
                }
                results.add(enqueueOne(EventRequest.from((JsonObject) event), true));
            } catch (InvalidRequestException e) {
                results.add(new Rejected(e.error()));
            }
        }
        messages.announce();
        return results;
    }

    private EnqueueResult enqueueOne(EventRequest event, boolean dedupe) {
        var template = templates.byIdOrName(event.template()).orElseThrow(
                () -> InvalidRequestException.field("template", "names no known template: \"" + event.template() + "\""));
        var audience = recipients.recipients(template, event);
        var silenced = preferences.silenced(template.id(), template.enabledByDefault(), audience.stream().map(UserView::id).toList());
        var method = template.method().orElse(notifier.method());
        var created = new ArrayList<EnqueueResult.Created>();
        var skipped = new ArrayList<EnqueueResult.Skipped>();
        // The database's day, as for every other time: replicas with skewed clocks agree on what "today" is.
        var today = dedupe ? messages.today() : null;
        for (var user : audience) {
            if (silenced.contains(user.id())) {
                skipped.add(new EnqueueResult.Skipped(user.id(), "disabled"));
                continue;
            }
            var message = message(template, user, event, method.name(), dedupe ? today : null);
            if (messages.enqueue(message)) {
                created.add(new EnqueueResult.Created(message.id(), user.id(), method.name(), MessageStatus.pending.name()));
            } else {
                skipped.add(new EnqueueResult.Skipped(user.id(), "duplicate"));
            }
        }
        return new EnqueueResult(created, skipped);
    }

    private NewMessage message(Template template, UserView user, EventRequest event, String method, LocalDate today) {
        var context = new RenderContext(Payload.displayName(user), user.username(), user.email(), event.labels(),
                TemplateRenderer.dataOf(event.data()), deployment.accessUrl().toString());
        var payload = Payload.json(template, user, event, renderer.actions(template.actionsJson(), context));
        return new NewMessage(UUID.randomUUID(), template.id(), user.id(), coder.notifications.delivery.Method.valueOf(method),
                event.createdBy(), payload, event.targets(),
                today == null ? null : Payload.dedupeHash(template, user, method, payload, event.targets(), today));
    }
}
