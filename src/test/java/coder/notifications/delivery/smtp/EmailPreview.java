package coder.notifications.delivery.smtp;

import coder.notifications.delivery.Notification;

/** The two bodies of the email the SMTP transport would send for a notification, for golden-file tests. */
public final class EmailPreview {

    private EmailPreview() {}

    public static String text(Notification notification) {
        return EmailBody.text(notification);
    }

    public static String html(Notification notification) {
        return EmailBody.html(notification);
    }
}
