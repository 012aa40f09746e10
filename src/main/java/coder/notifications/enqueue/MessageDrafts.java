package coder.notifications.enqueue;

import coder.notifications.delivery.Action;
import coder.notifications.delivery.Payload;
import coder.notifications.templates.Template;
import coder.notifications.users.UserView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** What goes into a message at enqueue: its payload (SPEC section 7.1) and the hash that dedupes identical events of a day. */
final class MessageDrafts {

    private MessageDrafts() {}

    static Payload payload(Template template, UserView user, EventRequest event, List<Action> actions) {
        return new Payload(
                Payload.VERSION,
                template.name(),
                template.id(),
                user.id(),
                user.email(),
                displayName(user),
                user.username(),
                List.copyOf(actions),
                new TreeMap<>(event.labels()),
                event.data(),
                List.copyOf(event.targets()));
    }

    /** The user's name, or the username when the name is empty. */
    static String displayName(UserView user) {
        return user.name() == null || user.name().isBlank() ? user.username() : user.name();
    }

    /**
     * What makes two messages identical: the same template, recipient, method, payload and targets. The store adds
     * the UTC day, so identical events are deduplicated within a day.
     */
    static String dedupeKey(Template template, UserView user, String method, String payloadJson, List<?> targets) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part :
                    List.of(template.id().toString(), user.id().toString(), method, payloadJson, targets.toString())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
