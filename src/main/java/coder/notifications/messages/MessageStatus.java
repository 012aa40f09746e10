package coder.notifications.messages;

import java.util.Arrays;
import java.util.Optional;

/** The states of a message (SPEC section 3); the names are the column values. */
public enum MessageStatus {
    pending, leased, sent, temporary_failure, permanent_failure, inhibited;

    public static Optional<MessageStatus> named(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
