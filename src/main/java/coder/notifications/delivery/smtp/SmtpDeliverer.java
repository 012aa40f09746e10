package coder.notifications.delivery.smtp;

import coder.notifications.config.EmailSettings;
import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.delivery.Deliverer;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.Notification;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;

/** Sends a notification as an email through the configured relay, reusing connections. */
@ApplicationScoped
public class SmtpDeliverer implements Deliverer {

    private final EmailSettings email;
    private final Clock clock;
    private final Session session;
    private final TransportPool transports;

    @Inject
    public SmtpDeliverer(EmailSettings email, NotifierSettings notifier, Clock clock) {
        this(email, notifier.dispatchTimeout(), clock);
    }

    SmtpDeliverer(EmailSettings email, Duration timeout, Clock clock) {
        this.email = email;
        this.clock = clock;
        this.session = MailSession.of(email, timeout);
        this.transports = new TransportPool(clock);
    }

    /** For the container's proxy only. */
    protected SmtpDeliverer() {
        this.email = null;
        this.clock = null;
        this.session = null;
        this.transports = null;
    }

    @Override
    public Method method() {
        return Method.smtp;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification, Duration timeout) {
        if (email.from().isEmpty()) {
            return new DeliveryOutcome.Permanent("SMTP: no sender configured: set CODER_EMAIL_FROM");
        }
        if (notification.recipientEmail().isBlank()) {
            return new DeliveryOutcome.Permanent("SMTP: the recipient has no email address in the user directory");
        }
        try {
            var message = EmailComposer.compose(session, email.from().get(), notification, clock.instant());
            var transport = transports.take(session);
            try {
                transport.sendMessage(message, message.getAllRecipients());
                transports.giveBack(transport);
            } catch (MessagingException | RuntimeException e) {
                // Never returned to the pool after a failure of any kind: its state is unknown.
                transports.discard(transport);
                throw e;
            }
            return new DeliveryOutcome.Delivered();
        } catch (MessagingException | RuntimeException e) {
            return SmtpFailures.classify(e);
        }
    }

    @PreDestroy
    void closeConnections() {
        transports.closeAll();
    }
}
