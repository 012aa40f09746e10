package coder.notifications.api;

/** The named resource does not exist (404). */
public class NotFoundException extends Refusal {

    public NotFoundException(String message) {
        super(message);
    }
}
