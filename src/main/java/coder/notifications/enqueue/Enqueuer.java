package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Refusal;
import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.InboxSettings;
import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.messages.Enqueued;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessagesQueued;
import coder.notifications.messages.NewMessage;
import coder.notifications.templates.RenderContext;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateCache;
import coder.notifications.templates.TemplateRenderer;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns events into messages, one transaction per batch request or per group of single events reported together
 * ({@link GroupedEnqueue}): an event is stored whole or not at all. A transaction costs the same few statements
 * whether it carries one event or a thousand: the users they name in one query, the administrators of a role set
 * once, then one statement that weighs every recipient's preferences and stores the messages. Templates come
 * from memory.
 */
@ApplicationScoped
public class Enqueuer {

    public static final int MAX_BATCH = 1000;

    @Inject
    TemplateCache templates;

    @Inject
    RecipientResolver recipients;

    @Inject
    MessageStore messages;

    @Inject
    TemplateRenderer renderer;

    @Inject
    DeploymentSettings deployment;

    @Inject
    NotifierSettings notifier;

    @Inject
    InboxSettings inbox;

    @Inject
    Event<MessagesQueued> queued;

    /** A rejected event of a batch: the error the single-event endpoint would have answered. */
    public record Rejected(ApiError error) {}

    /**
     * For notifications a person asks for (test, custom): each request is sent, identical or not. Reported events
     * go through {@link GroupedEnqueue} to {@link #enqueueEach}.
     */
    @Transactional(dontRollbackOn = Refusal.class)
    public EnqueueResult enqueueWithoutDedupe(EventRequest event) {
        var draft = draft(event, recipients.directoryFor(List.of(event)), false);
        return draft.result(store(draft.messages()));
    }

    /**
     * Enqueues each event of a batch; an invalid event is answered with its error and stores nothing, the valid
     * ones are stored together, in one statement and one transaction.
     */
    @Transactional(dontRollbackOn = Refusal.class)
    public List<Object> enqueueAll(List<JsonValue> events) {
        var parsed = events.stream().map(Enqueuer::parse).toList();
        return storeTogether(parsed).stream()
                .map(answer ->
                        answer instanceof InvalidRequestException refused ? new Rejected(refused.error()) : answer)
                .toList();
    }

    /**
     * Enqueues single events reported at about the same moment, in one transaction and one statement (see
     * {@link GroupedEnqueue}); each answer is the event's {@link EnqueueResult}, or the
     * {@link InvalidRequestException} the event alone would have been refused with (it stores nothing).
     */
    @Transactional(dontRollbackOn = Refusal.class)
    public List<Object> enqueueEach(List<EventRequest> events) {
        return storeTogether(events);
    }

    /** One event of a batch as a request, or the refusal of it as sent. */
    private static Object parse(JsonValue event) {
        try {
            if (event.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidRequestException.field("event", "must be a JSON object");
            }
            return EventRequest.from((JsonObject) event);
        } catch (InvalidRequestException e) {
            return e;
        }
    }

    /**
     * Drafts every event (each an {@link EventRequest}, or the {@link InvalidRequestException} it was already
     * refused with) against one directory read for them all, stores every message with one statement, and answers
     * per event, in order: its {@link EnqueueResult}, or its refusal.
     */
    private List<Object> storeTogether(List<?> events) {
        var directory = recipients.directoryFor(events.stream()
                .filter(EventRequest.class::isInstance)
                .map(EventRequest.class::cast)
                .toList());
        var drafts = events.stream()
                .map(event -> {
                    if (event instanceof EventRequest request) {
                        try {
                            return draft(request, directory, true);
                        } catch (InvalidRequestException e) {
                            return e;
                        }
                    }
                    return event;
                })
                .toList();
        var outcomes = store(drafts.stream()
                .filter(Draft.class::isInstance)
                .flatMap(draft -> ((Draft) draft).messages().stream())
                .toList());
        return drafts.stream()
                .map(draft -> draft instanceof Draft d ? d.result(outcomes) : draft)
                .toList();
    }

    private Map<UUID, Enqueued> store(List<NewMessage> drafted) {
        var outcomes = messages.enqueue(drafted);
        if (outcomes.stream().anyMatch(Enqueued::stored)) {
            // Once this transaction commits, the notifiers are woken (see dispatch/WakeUps).
            queued.fire(new MessagesQueued());
        }
        return outcomes.stream().collect(Collectors.toMap(Enqueued::id, Function.identity()));
    }

    /** The messages one event makes, one per recipient, before the store weighs preferences and duplicates. */
    private record Draft(List<NewMessage> messages) {

        /** The answer of SPEC section 8, once the store said what became of each message. */
        EnqueueResult result(Map<UUID, Enqueued> outcomes) {
            var created = new ArrayList<EnqueueResult.Created>();
            // A recipient skipped for both the method and the inbox is listed once.
            var skipped = new LinkedHashSet<EnqueueResult.Skipped>();
            for (var message : messages) {
                var outcome = outcomes.get(message.id());
                if (outcome.stored()) {
                    created.add(new EnqueueResult.Created(
                            message.id(), message.userId(), message.method().name(), MessageStatus.pending.name()));
                } else {
                    skipped.add(
                            new EnqueueResult.Skipped(message.userId(), outcome.disabled() ? "disabled" : "duplicate"));
                }
            }
            return new EnqueueResult(created, List.copyOf(skipped));
        }
    }

    private Draft draft(EventRequest event, RecipientResolver.Directory directory, boolean dedupe) {
        var template = templates
                .byIdOrName(event.template())
                .orElseThrow(() -> InvalidRequestException.field(
                        "template", "names no known template: \"" + event.template() + "\""));
        var methods = methods(template);
        return new Draft(recipients.recipients(template, event, directory).stream()
                .flatMap(user -> messages(template, user, event, methods, dedupe).stream())
                .toList());
    }

    /**
     * The methods each recipient is told by: the template's (or the deployment's), and the inbox beside it while the
     * inbox is on (SPEC 12). With the inbox off, a template set to the inbox falls back to the deployment's method.
     */
    private List<Method> methods(Template template) {
        var method = template.method().orElse(notifier.method());
        if (!inbox.enabled()) {
            return List.of(method == Method.inbox ? notifier.method() : method);
        }
        return method == Method.inbox ? List.of(Method.inbox) : List.of(method, Method.inbox);
    }

    private List<NewMessage> messages(
            Template template, UserView user, EventRequest event, List<Method> methods, boolean dedupe) {
        var context = new RenderContext(
                MessageDrafts.displayName(user),
                user.username(),
                user.email(),
                event.labels(),
                TemplateRenderer.dataOf(event.data()),
                deployment.accessUrl().toString());
        var payload = MessageDrafts.payload(template, user, event, renderer.actions(template.actions(), context));
        var json = payload.toJson();
        return methods.stream()
                .map(method -> new NewMessage(
                        UUID.randomUUID(),
                        template.id(),
                        user.id(),
                        method,
                        event.createdBy(),
                        payload,
                        json,
                        dedupe ? MessageDrafts.dedupeKey(template, user, method.name(), json, event.targets()) : null))
                .toList();
    }
}
