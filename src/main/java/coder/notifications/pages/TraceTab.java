package coder.notifications.pages;

import coder.notifications.api.Uuids;
import coder.notifications.dispatch.KillSwitch;
import coder.notifications.messages.MessageQuery;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessageView;
import coder.notifications.preferences.PreferenceStore;
import coder.notifications.preferences.PreferenceView;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's Trace tab: "why was Danny not told?" on one screen. Found by username, email or user id: the person,
 * every message of theirs from the last 7 days (every method, the inbox's too) with what became of it in words, and
 * their current preferences, since a template someone turned off stores no message for them at all.
 */
@ApplicationScoped
public class TraceTab {

    static final Duration WINDOW = Duration.ofDays(7);
    static final int SHOWN = 200;

    /** A message of the person's, and what became of it in a sentence. */
    public record TracedMessage(MessagesTab.MessageRow row, String outcome) {}

    /** One of the person's templates: on or off for them (and whether that is their choice), and how it reaches them. */
    public record TracedPreference(String template, String group, boolean enabled, boolean chosen, String method) {}

    @Inject
    UserStore users;

    @Inject
    MessageStore messages;

    @Inject
    PreferenceStore preferences;

    @Inject
    MessagesTab messagesTab;

    @Inject
    coder.notifications.templates.TemplateStore templates;

    @Inject
    MethodWords methodWords;

    @Inject
    KillSwitch killSwitch;

    @Inject
    Clock clock;

    void fill(String search, Map<String, Object> values) {
        var text = Optional.ofNullable(search).map(String::strip).orElse("");
        values.put("person", text);
        if (text.isEmpty()) {
            return;
        }
        var found = find(text);
        values.put("searched", true);
        if (found.size() != 1) {
            values.put("candidates", found);
            return;
        }
        var user = found.get(0);
        values.put("traced", user);
        var paused = killSwitch.paused();
        var list = messages.page(MessageQuery.ofUser(user.id(), clock.instant().minus(WINDOW), SHOWN));
        var rows = messagesTab.rows(list);
        values.put(
                "traceMessages",
                java.util.stream.IntStream.range(0, list.size())
                        .mapToObj(i -> new TracedMessage(rows.get(i), outcome(list.get(i), paused)))
                        .toList());
        values.put("traceLimited", list.size() == SHOWN);
        var choices = preferences.of(user.id()).stream()
                .collect(Collectors.toMap(PreferenceView::id, PreferenceView::disabled));
        values.put(
                "tracePreferences",
                templates.system().stream()
                        // The templates that can reach them, as on their own preference center.
                        .filter(template -> template.reaches(user.roles()))
                        .sorted(Comparator.comparingInt(
                                        (coder.notifications.templates.Template t) -> PreferenceCenter.rank(t.group()))
                                .thenComparing(coder.notifications.templates.Template::name))
                        .map(template -> new TracedPreference(
                                template.name(),
                                template.group(),
                                !choices.getOrDefault(template.id(), !template.enabledByDefault()),
                                choices.containsKey(template.id()),
                                methodWords.of(template)))
                        .toList());
    }

    /** By user id, then username, then email (which may name several people). */
    private List<UserView> find(String text) {
        var byId = Uuids.of(text).flatMap(users::byId);
        if (byId.isPresent()) {
            return List.of(byId.get());
        }
        var byUsername = users.byUsername(text);
        if (byUsername.isPresent()) {
            return List.of(byUsername.get());
        }
        return text.contains("@") ? users.byEmail(text) : List.of();
    }

    /** What became of a message, as an operator would explain it to the person. */
    static String outcome(MessageView message, boolean paused) {
        var reason = Optional.ofNullable(message.statusReason()).filter(text -> !text.isBlank());
        return switch (MessageStatus.named(message.status()).orElse(MessageStatus.pending)) {
            case sent -> "Delivered at " + MessagesTab.TIME.format(message.updatedAt()) + " UTC.";
            case inhibited -> "Not sent: " + reason.orElse("turned off") + ".";
            case permanent_failure -> "Failed, not retried: " + reason.orElse("no reason recorded") + ".";
            case temporary_failure ->
                "Failed, will retry"
                        + Optional.ofNullable(message.nextRetryAfter())
                                .map(at -> " at " + MessagesTab.TIME.format(at) + " UTC")
                                .orElse("")
                        + (paused ? " once delivery resumes" : "") + ": " + reason.orElse("no reason recorded") + ".";
            case leased -> "Being sent right now (attempt " + (message.attemptCount() + 1) + ").";
            case pending -> paused ? "Waiting: delivery is paused on every replica." : "Waiting to be sent.";
        };
    }
}
