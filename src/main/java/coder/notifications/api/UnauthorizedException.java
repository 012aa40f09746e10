package coder.notifications.api;

/** The request carries no usable credentials (401). */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
