package coder.notifications.api;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Rolls back the transaction a {@link Refusal} leaves, as any other runtime exception would: the transactions that
 * a refusal crosses declare it {@code dontRollbackOn} (so that the server writes no FFDC file for a 400 or a 409),
 * and a refusal may come after a failed write (a taken username). Runs just inside the server's own transaction
 * interceptor of {@code @Transactional} (REQUIRED), whose priority is PLATFORM_BEFORE + 200.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class RefusalRollback {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object rollBackOnRefusal(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (Refusal refusal) {
            if (transactions.getTransactionKey() != null) {
                transactions.setRollbackOnly();
            }
            throw refusal;
        }
    }
}
