package coder.notifications.enqueue;

import coder.notifications.templates.Action;
import coder.notifications.templates.Template;
import coder.notifications.users.UserView;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** The stored payload of a message (SPEC section 7.1) and the hash that dedupes identical events of a day. */
final class Payload {

    static final String VERSION = "1.1";

    private Payload() {
    }

    static String json(Template template, UserView user, EventRequest event, List<Action> actions) {
        var actionArray = Json.createArrayBuilder();
        actions.forEach(action -> actionArray.add(Json.createObjectBuilder().add("label", action.label()).add("url", action.url())));
        var labels = Json.createObjectBuilder();
        new TreeMap<>(event.labels()).forEach(labels::add);
        var targets = Json.createArrayBuilder();
        event.targets().forEach(target -> targets.add(target.toString()));
        return Json.createObjectBuilder()
                .add("_version", VERSION)
                .add("notification_name", template.name())
                .add("notification_template_id", template.id().toString())
                .add("user_id", user.id().toString())
                .add("user_email", user.email())
                .add("user_name", displayName(user))
                .add("user_username", user.username())
                .add("actions", actionArray)
                .add("labels", labels)
                .add("data", event.data())
                .add("targets", targets)
                .build().toString();
    }

    /** The user's name, or the username when the name is empty. */
    static String displayName(UserView user) {
        return user.name() == null || user.name().isBlank() ? user.username() : user.name();
    }

    /** Same template, recipient, method, payload and targets on the same UTC day: the same hash. */
    static String dedupeHash(Template template, UserView user, String method, String payload, List<?> targets, LocalDate day) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part : List.of(template.id().toString(), user.id().toString(), method, payload, targets.toString(), day.toString())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
