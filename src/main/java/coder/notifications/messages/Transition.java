package coder.notifications.messages;

import java.util.Set;

/**
 * Every change of a message's state (SPEC section 3), named once: from which states it may happen, the state it
 * leads to, and whether it uses one of the message's attempts. The stores' statements take their states from here.
 */
public enum Transition {
    /** A notifier takes the message for one lease period: a new one, one due for a retry, or one whose lease ran out. */
    LEASE(
            Set.of(MessageStatus.pending, MessageStatus.temporary_failure, MessageStatus.leased),
            MessageStatus.leased,
            false),
    /** Delivered. */
    SEND(Set.of(MessageStatus.leased), MessageStatus.sent, true),
    /** Failed in a way that may pass, with attempts left: leased again after the retry interval. */
    RETRY_LATER(Set.of(MessageStatus.leased), MessageStatus.temporary_failure, true),
    /** Failed for good: a permanent failure, or a retryable one on its last attempt. */
    FAIL_FOR_GOOD(Set.of(MessageStatus.leased), MessageStatus.permanent_failure, true),
    /** The recipient turned the template off: never sent, whether it waits or is being dispatched. */
    INHIBIT(
            Set.of(MessageStatus.pending, MessageStatus.temporary_failure, MessageStatus.leased),
            MessageStatus.inhibited,
            false),
    /** The send never started (it waited too long for a worker): pending again, its attempts unchanged. */
    RELEASE(Set.of(MessageStatus.leased), MessageStatus.pending, false);

    /** Why a message was inhibited, as {@code status_reason} shows it. */
    public static final String DISABLED_BY_USER = "disabled by user";

    private final Set<MessageStatus> from;
    private final MessageStatus to;
    private final boolean usesAttempt;

    Transition(Set<MessageStatus> from, MessageStatus to, boolean usesAttempt) {
        this.from = from;
        this.to = to;
        this.usesAttempt = usesAttempt;
    }

    public Set<MessageStatus> from() {
        return from;
    }

    public MessageStatus to() {
        return to;
    }

    public boolean usesAttempt() {
        return usesAttempt;
    }

    /** What a result of a send does to its message, given the attempts it had used and the limit. */
    public static Transition after(Result result, int maxAttempts) {
        return switch (result.kind()) {
            case SENT -> SEND;
            case INHIBITED -> INHIBIT;
            case RELEASED -> RELEASE;
            case PERMANENT -> FAIL_FOR_GOOD;
            case RETRYABLE -> result.attemptCount() + 1 >= maxAttempts ? FAIL_FOR_GOOD : RETRY_LATER;
        };
    }
}
