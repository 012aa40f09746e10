package coder.notifications.incontainer;

import coder.notifications.dispatch.Notifier;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Keeps the deployment's notifier from starting: its start observes the service being ready, and that observer is
 * removed here. A test then owns the queue: what it leases, nobody else leases, and no background drain races its
 * assertions. Everything else of the service (migrations, stores, senders, settings) starts as in production.
 */
public class IdleNotifier implements Extension {

    void keepIdle(@Observes ProcessAnnotatedType<Notifier> notifier) {
        notifier.configureAnnotatedType()
                .filterMethods(method -> method.getJavaMember().getName().equals("start"))
                .forEach(start -> start.params()
                        .forEach(parameter ->
                                parameter.remove(annotation -> annotation.annotationType() == Observes.class)));
    }
}
