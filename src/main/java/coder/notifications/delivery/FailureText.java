package coder.notifications.delivery;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * A failure in words for {@code status_reason} and the log: the messages of the failure and its causes, without the
 * Java class names that exceptions put in front of them ("java.net.ConnectException: ") and without repeats.
 */
public final class FailureText {

    /** A qualified class name followed by a colon, as {@code Throwable.toString()} writes it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");
    /** How Jakarta Mail joins a nested failure to its own message. */
    private static final Pattern NESTED = Pattern.compile(";\\s*nested exception is:\\s*");

    private FailureText() {}

    public static String of(Throwable failure) {
        var parts = new ArrayList<String>();
        for (var cause = failure; cause != null; cause = next(cause)) {
            var message = clean(cause.getMessage());
            if (message.isEmpty()) {
                continue;
            }
            if (parts.stream().noneMatch(part -> part.contains(message))) {
                parts.removeIf(message::contains);
                parts.add(message);
            }
        }
        return parts.isEmpty() ? "no details given" : String.join(": ", parts);
    }

    /** Text that may hold class names, without them. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return CLASS_NAME
                .matcher(NESTED.matcher(text).replaceAll(": "))
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof MessagingException messaging
                && messaging.getNextException() != null
                && messaging.getNextException() != failure.getCause()) {
            return messaging.getNextException();
        }
        return failure.getCause();
    }
}
