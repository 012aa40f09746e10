package coder.notifications.delivery;

import coder.notifications.config.Method;
import java.time.Duration;

/** A transport for one delivery method. It never throws: every failure is an outcome with a reason. */
public interface Deliverer {

    Method method();

    DeliveryOutcome deliver(Notification notification, Duration timeout);

    /**
     * The socket timeouts of a send that must end within {@code timeout}: a little less, so that the socket gives
     * up before the notifier stops waiting, and a send reported as timed out is never still running.
     */
    static Duration socketTimeout(Duration timeout) {
        var margin = Duration.ofMillis(Math.min(1000, Math.max(50, timeout.toMillis() / 10)));
        return timeout.compareTo(margin.multipliedBy(2)) > 0 ? timeout.minus(margin) : timeout;
    }
}
