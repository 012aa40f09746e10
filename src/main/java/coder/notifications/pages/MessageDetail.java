package coder.notifications.pages;

import coder.notifications.audit.AuditStore;
import coder.notifications.config.Method;
import coder.notifications.delivery.FailureText;
import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Payload;
import coder.notifications.dispatch.NotificationRendering;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessageView;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One message in the console: its fields, its payload, what its recipient got (the email, the webhook document or
 * the inbox item, rendered now from its stored payload as the notifier renders it), every state it went through as
 * far as its row and the audit tell, and for a permanent failure the owner's "send again".
 */
@ApplicationScoped
public class MessageDetail {

    /** A moment in the message's life. */
    public record Step(String timeIso, String time, String what) {}

    @Inject
    MessageStore messages;

    @Inject
    TemplateStore templates;

    @Inject
    UserStore users;

    @Inject
    AuditStore audit;

    @Inject
    NotificationRendering rendering;

    /** Answers false when there is no such message (any more: messages are kept 7 days after their last change). */
    boolean fill(UUID id, Map<String, Object> values) {
        var found = messages.byId(id);
        if (found.isEmpty()) {
            return false;
        }
        var message = found.get();
        var stored = messages.stored(id);
        var recipient = users.byId(message.userId());
        values.put("message", message);
        values.put("messageStatusWords", Console.words(message.status()));
        values.put("messageMethod", MessagesTab.methodWord(message.method()));
        values.put(
                "recipient",
                recipient.map(UserView::username).orElse(message.userId().toString()));
        values.put("recipientEmail", recipient.map(UserView::email).orElse(""));
        values.put(
                "payload",
                stored.map(each -> RenderedParts.pretty(each.payloadJson())).orElse(""));
        values.put(
                "steps",
                steps(message, stored.map(MessageStore.Stored::queuedSeconds).orElse(null)));
        values.put("canSendAgain", message.status().equals(MessageStatus.permanent_failure.name()));
        try {
            var template = templates
                    .byId(message.notificationTemplateId())
                    .orElseThrow(() -> new IllegalStateException("its template no longer exists"));
            var payload = Payload.fromJson(stored.orElseThrow().payloadJson());
            var method = Method.named(message.method()).orElseThrow();
            Notification notification = rendering.render(id, message.userId(), method, payload, template);
            values.put("rendered", RenderedParts.of(notification));
            values.put("renderedMethod", method.name());
        } catch (RuntimeException | StackOverflowError e) {
            values.put("renderProblem", FailureText.of(e));
        }
        return true;
    }

    private List<Step> steps(MessageView message, Double queuedSeconds) {
        var steps = new ArrayList<Step>();
        steps.add(step(message.createdAt(), "Created by " + message.createdBy() + ", status pending."));
        if (queuedSeconds != null) {
            var first = message.createdAt().plus(Duration.ofMillis(Math.round(queuedSeconds * 1000)));
            steps.add(step(
                    first,
                    "First taken for delivery, after "
                            + OverviewTab.age(Duration.ofMillis(Math.round(queuedSeconds * 1000))) + " in the queue."));
        }
        for (var entry : audit.about(AuditStore.MESSAGE, message.id().toString(), 20)) {
            var actor = Optional.ofNullable(entry.actorId())
                    .flatMap(users::byId)
                    .map(OverviewTab::name)
                    .orElse("Someone");
            steps.add(step(entry.time(), actor + " sent it again after a permanent failure."));
        }
        var last = Console.words(message.status())
                + Optional.ofNullable(message.statusReason())
                        .filter(text -> !text.isBlank())
                        .map(text -> ": " + text)
                        .orElse("")
                + " (" + message.attemptCount() + (message.attemptCount() == 1 ? " attempt" : " attempts")
                + " used).";
        steps.add(step(message.updatedAt(), "Last change: " + last));
        Optional.ofNullable(message.leasedUntil())
                .ifPresent(until -> steps.add(step(until, "Its lease ends; another notifier may take it then.")));
        Optional.ofNullable(message.nextRetryAfter())
                .ifPresent(at -> steps.add(step(at, "Next attempt, once a notifier leases it.")));
        steps.sort(Comparator.comparing(Step::timeIso));
        return steps;
    }

    private static Step step(Instant time, String what) {
        return new Step(time.toString(), MessagesTab.TIME.format(time), what);
    }
}
