package coder.notifications.delivery.smtp;

import coder.notifications.delivery.Notification;

/** The two bodies of the email the SMTP transport would send for a notification, for golden-file tests. */
public final class EmailPreview {

    private EmailPreview() {
    }

    public static String text(Notification notification, String accessUrl) {
        return EmailBody.text(notification, accessUrl);
    }

    public static String html(Notification notification, String accessUrl) {
        return EmailBody.html(notification, accessUrl);
    }
}
