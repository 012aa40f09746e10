package coder.notifications.api;

/** The request contradicts what is stored (409), such as a username another user already has. */
public class ConflictException extends Refusal {

    public ConflictException(String message) {
        super(message);
    }
}
