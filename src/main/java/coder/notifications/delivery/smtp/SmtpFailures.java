package coder.notifications.delivery.smtp;

import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.FailureText;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Whether a failed send may pass on a later try. Network faults, TLS handshake failures and 4xx replies are
 * retryable; 5xx replies to MAIL, RCPT or DATA, a bad recipient address and configuration faults (refused
 * credentials, no STARTTLS where it is required) are permanent. The reason is the server's own reply.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static DeliveryOutcome classify(Exception error) {
        var reason = "SMTP: " + describe(error);
        if (error instanceof AddressException) {
            return new DeliveryOutcome.Permanent(reason);
        }
        var reply = replyCode(error);
        if (reply >= 500) {
            return new DeliveryOutcome.Permanent(reason);
        }
        if (reply >= 400) {
            return new DeliveryOutcome.Retryable(reason);
        }
        if (error instanceof AuthenticationFailedException) {
            return new DeliveryOutcome.Permanent(reason + " (check CODER_EMAIL_AUTH_USERNAME and the password)");
        }
        if (causedBy(error, SSLException.class) || causedBy(error, IOException.class)) {
            return new DeliveryOutcome.Retryable(reason);
        }
        if (String.valueOf(error.getMessage()).contains("STARTTLS")) {
            return new DeliveryOutcome.Permanent(reason + " (CODER_EMAIL_TLS_STARTTLS is set)");
        }
        return new DeliveryOutcome.Retryable(reason);
    }

    private static int replyCode(Throwable error) {
        for (var cause = error; cause != null; cause = nextOf(cause)) {
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return -1;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (var cause = error; cause != null; cause = nextOf(cause)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable nextOf(Throwable error) {
        if (error instanceof MessagingException messaging
                && messaging.getNextException() != null
                && messaging.getNextException() != error.getCause()) {
            return messaging.getNextException();
        }
        return error.getCause();
    }

    private static String describe(Throwable error) {
        return FailureText.of(error);
    }
}
