package coder.notifications.api;

import java.time.Duration;

/** A person asked for more than their limit allows; the answer is 429 with {@code Retry-After}. */
public class TooManyRequestsException extends Refusal {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
