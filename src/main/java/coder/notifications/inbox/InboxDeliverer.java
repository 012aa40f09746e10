package coder.notifications.inbox;

import coder.notifications.config.Method;
import coder.notifications.delivery.Deliverer;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.FailureText;
import coder.notifications.delivery.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Delivers a message of method {@code inbox}: stores its item (the rendered Markdown title and body, the actions,
 * the targets) under the message's id, so that a redelivery adds nothing, and announces it to the watchers of every
 * replica once stored.
 */
@ApplicationScoped
public class InboxDeliverer implements Deliverer {

    @Inject
    InboxStore store;

    @Inject
    InboxAnnouncer announcer;

    @Override
    public Method method() {
        return Method.inbox;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification, Duration timeout) {
        var payload = notification.payload();
        try {
            var stored = store.write(
                    notification.messageId(),
                    payload.userId(),
                    payload.notificationTemplateId(),
                    payload.targets() == null ? List.of() : payload.targets(),
                    notification.titleMarkdown(),
                    notification.bodyMarkdown(),
                    payload.actions() == null ? List.of() : payload.actions());
            if (stored) {
                announcer.delivered(payload.userId(), notification.messageId());
            }
            return new DeliveryOutcome.Delivered();
        } catch (RuntimeException e) {
            // The database is the inbox's only transport: trying again later is all there is to do.
            return new DeliveryOutcome.Retryable("cannot store the inbox item: " + FailureText.of(e));
        }
    }
}
