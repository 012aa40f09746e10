package coder.notifications.messages;

import java.util.UUID;

/** What became of one dispatch of a leased message, fenced by the lease it was sent under. */
public record Result(UUID messageId, UUID lease, Kind kind, String reason) {

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
        return new Result(message.id(), message.leaseToken(), Kind.SENT, null);
    }

    public static Result retryable(LeasedMessage message, String reason) {
        return new Result(message.id(), message.leaseToken(), Kind.RETRYABLE, reason);
    }

    public static Result permanent(LeasedMessage message, String reason) {
        return new Result(message.id(), message.leaseToken(), Kind.PERMANENT, reason);
    }

    public static Result released(LeasedMessage message, String reason) {
        return new Result(message.id(), message.leaseToken(), Kind.RELEASED, reason);
    }

    public static Result inhibited(LeasedMessage message) {
        return new Result(message.id(), message.leaseToken(), Kind.INHIBITED, "disabled by user");
    }
}
