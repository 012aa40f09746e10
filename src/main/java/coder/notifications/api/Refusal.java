package coder.notifications.api;

/**
 * A request refused for what it asks (400, 403, 404, 409, 429): an answer, not a fault. A refusal thrown in a
 * transaction rolls it back ({@link RefusalRollback}) without the server's incident report: every
 * {@code @Transactional} that a refusal may cross names it in {@code dontRollbackOn}, because the server writes an
 * FFDC file for every other runtime exception that leaves a transaction.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message);
    }
}
