package coder.notifications.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.Callable;

/** Runs a piece of a test in a JTA transaction of its own, as a resource method or the notifier would. */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Callable<T> work) throws Exception {
        return work.call();
    }
}
