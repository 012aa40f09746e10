package coder.notifications.messages;

import java.util.UUID;

/**
 * What became of one dispatch of a leased message, fenced by the lease it was sent under; {@code attemptCount} the
 * attempts the message had used when it was leased (the fence guarantees the row still has that many).
 */
public record Result(UUID messageId, UUID lease, int attemptCount, Kind kind, String reason) {

    public enum Kind {
        /** Delivered. */
        SENT,
        /** Failed in a way that may pass: tried again after the retry interval, up to the attempt limit. */
        RETRYABLE,
        /** Failed in a way that will not pass by trying again. */
        PERMANENT,
        /** Not sent: the recipient disabled the template after the message was enqueued. */
        INHIBITED,
        /** Not tried: the send never started; the message is pending again with its attempts unchanged. */
        RELEASED
    }

    public static Result sent(LeasedMessage message) {
        return of(message, Kind.SENT, null);
    }

    public static Result retryable(LeasedMessage message, String reason) {
        return of(message, Kind.RETRYABLE, reason);
    }

    public static Result permanent(LeasedMessage message, String reason) {
        return of(message, Kind.PERMANENT, reason);
    }

    public static Result released(LeasedMessage message, String reason) {
        return of(message, Kind.RELEASED, reason);
    }

    public static Result inhibited(LeasedMessage message) {
        return of(message, Kind.INHIBITED, Transition.DISABLED_BY_USER);
    }

    private static Result of(LeasedMessage message, Kind kind, String reason) {
        return new Result(message.id(), message.leaseToken(), message.attemptCount(), kind, reason);
    }
}
