package coder.notifications.messages;

import java.util.UUID;

/** What became of one dispatch of a leased message. */
public record Result(UUID messageId, Kind kind, String reason) {

    public enum Kind {
        /** Delivered. */
        SENT,
        /** Failed in a way that may pass: tried again after the retry interval, up to the attempt limit. */
        RETRYABLE,
        /** Failed in a way that will not pass by trying again. */
        PERMANENT,
        /** Not sent: the recipient disabled the template after the message was enqueued. */
        INHIBITED
    }

    public static Result sent(UUID id) {
        return new Result(id, Kind.SENT, null);
    }

    public static Result retryable(UUID id, String reason) {
        return new Result(id, Kind.RETRYABLE, reason);
    }

    public static Result permanent(UUID id, String reason) {
        return new Result(id, Kind.PERMANENT, reason);
    }

    public static Result inhibited(UUID id) {
        return new Result(id, Kind.INHIBITED, "disabled by user");
    }
}
