package coder.notifications.enqueue;

import java.util.List;
import java.util.UUID;

/** The answer to one event: the messages created and the recipients skipped, with the reason. */
public record EnqueueResult(List<Created> messages, List<Skipped> skipped) {

    public record Created(UUID id, UUID userId, String method, String status) {}

    /** A recipient who gets no message: {@code disabled} (opted out) or {@code duplicate} (already sent today). */
    public record Skipped(UUID userId, String reason) {}
}
