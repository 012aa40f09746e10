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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers a message of method {@code inbox}: stores its item (the rendered Markdown title and body, the actions,
 * the targets) under the message's id, so that a redelivery adds nothing, together with the items of the other
 * deliveries under way ({@link InboxWriter}), and announces it to the watchers of every replica once stored.
 */
@ApplicationScoped
public class InboxDeliverer implements Deliverer {

    @Inject
    InboxWriter writer;

    @Inject
    InboxAnnouncer announcer;

    @Override
    public Method method() {
        return Method.inbox;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification, Duration timeout) {
        var payload = notification.payload();
        var item = new NewItem(
                notification.messageId(),
                payload.userId(),
                payload.notificationTemplateId(),
                payload.targets() == null ? List.of() : payload.targets(),
                notification.titleMarkdown(),
                notification.bodyMarkdown(),
                payload.actions() == null ? List.of() : payload.actions());
        try {
            if (writer.write(item).get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                announcer.delivered(payload.userId(), notification.messageId());
            }
            return new DeliveryOutcome.Delivered();
        } catch (ExecutionException e) {
            // The database is the inbox's only transport: trying again later is all there is to do.
            return new DeliveryOutcome.Retryable("cannot store the inbox item: " + FailureText.of(e.getCause()));
        } catch (TimeoutException e) {
            return new DeliveryOutcome.Retryable("the inbox item was not stored within the dispatch timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retryable("interrupted while the inbox item was stored");
        }
    }
}
