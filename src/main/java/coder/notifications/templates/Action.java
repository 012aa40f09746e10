package coder.notifications.templates;

/** A button of a notification: its label and where it leads. */
public record Action(String label, String url) {
}
