package coder.notifications.incontainer;

import coder.notifications.dispatch.TestClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Replaces the service's clock in the deployments that add this class: every bean that reads the time reads
 * {@link #CLOCK}, which stands still until the test moves it, so deadlines pass when the test says and not after
 * real waiting.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeldClock {

    public static final TestClock CLOCK = new TestClock();

    @Produces
    Clock clock() {
        return CLOCK;
    }
}
