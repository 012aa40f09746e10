package coder.notifications.delivery;

import java.time.Duration;

/** A transport for one delivery method. It never throws: every failure is an outcome with a reason. */
public interface Deliverer {

    Method method();

    DeliveryOutcome deliver(Notification notification, Duration timeout);
}
