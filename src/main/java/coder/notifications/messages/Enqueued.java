package coder.notifications.messages;

import java.util.UUID;

/**
 * What became of one message offered to {@link MessageStore#enqueue}: stored, not stored because its recipient
 * turned the template off, or not stored because an identical one was stored today.
 */
public record Enqueued(UUID id, boolean disabled, boolean stored) {

    /** As the enqueue statement returns it (see {@link NotificationMessage}'s result mappings). */
    public Enqueued(UUID id, Boolean disabled, Boolean stored) {
        this(id, disabled.booleanValue(), stored.booleanValue());
    }

    public boolean duplicate() {
        return !disabled && !stored;
    }
}
