package coder.notifications.api;

/** The caller is known but may not do this (403). */
public class ForbiddenException extends Refusal {

    public ForbiddenException(String message) {
        super(message);
    }
}
