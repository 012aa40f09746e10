package coder.notifications.pages;

import coder.notifications.audit.AuditEntry;
import coder.notifications.audit.AuditStore;
import coder.notifications.config.Method;
import coder.notifications.config.MethodReadiness;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An audit entry as people say it: "Ada paused delivery", "Ada set Workspace Deleted to email", "Ada turned off
 * Workspace Deleted for Danny", instead of a resource type, a UUID and two JSON objects.
 *
 * @param action what kind of change, in a word or two
 * @param sentence the change, with the people's and the templates' names
 */
public record AuditSentence(String action, String sentence) {

    /**
     * @param person a person's name by user id (their username or id when they have no name)
     * @param template a template's name by id (the id when unknown)
     */
    public static AuditSentence of(AuditEntry entry, Function<UUID, String> person, Function<String, String> template) {
        var actor = Optional.ofNullable(entry.actorId()).map(person);
        var changed = entry.newValue() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return switch (entry.resourceType()) {
            case AuditStore.SETTINGS -> {
                var paused = changed.getBoolean("notifier_paused", false);
                yield new AuditSentence(
                        paused ? "Paused delivery" : "Resumed delivery",
                        actor.orElse("Someone") + (paused ? " paused delivery" : " resumed delivery"));
            }
            case AuditStore.TEMPLATE -> {
                var method = changed.getString("method", "");
                yield new AuditSentence(
                        "Delivery method",
                        actor.orElse("Someone") + " set " + template.apply(entry.resourceId()) + " to "
                                + (method.isEmpty()
                                        ? "the deployment default"
                                        : Method.named(method)
                                                .map(MethodReadiness::word)
                                                .orElse(method)));
            }
            case AuditStore.MESSAGE ->
                new AuditSentence(
                        "Sent again",
                        actor.orElse("Someone") + " sent the failed message " + entry.resourceId() + " again");
            case AuditStore.PREFERENCE ->
                new AuditSentence("Preferences", preferences(entry, actor, changed, person, template));
            default ->
                new AuditSentence(entry.resourceType(), actor.orElse("Someone") + " changed " + entry.resourceId());
        };
    }

    private static String preferences(
            AuditEntry entry,
            Optional<String> actor,
            JsonObject changed,
            Function<UUID, String> person,
            Function<String, String> template) {
        var changes = new ArrayList<String>();
        for (Map.Entry<String, JsonValue> each : changed.entrySet()) {
            var disabled = each.getValue() == JsonValue.TRUE;
            changes.add((disabled ? "turned off " : "turned on ") + template.apply(each.getKey()));
        }
        var what = String.join(", ", changes);
        var owner = subject(entry).map(person).orElse(entry.resourceId());
        if (actor.isEmpty()) {
            return owner + " " + what + " with an unsubscribe link";
        }
        var self = subject(entry).filter(id -> id.equals(entry.actorId())).isPresent();
        return self ? owner + " " + what : actor.get() + " " + what + " for " + owner;
    }

    private static Optional<UUID> subject(AuditEntry entry) {
        try {
            return Optional.of(UUID.fromString(entry.resourceId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
