package coder.notifications.delivery;

/** What a delivery attempt came to. */
public sealed interface DeliveryOutcome {

    record Delivered() implements DeliveryOutcome {}

    /** Worth trying again later: a network fault, a timeout, a busy server. */
    record Retryable(String reason) implements DeliveryOutcome {}

    /** Trying again cannot help: a misconfiguration, a refused address. */
    record Permanent(String reason) implements DeliveryOutcome {}
}
