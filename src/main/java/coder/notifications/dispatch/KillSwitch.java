package coder.notifications.dispatch;

import coder.notifications.messages.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The site-wide pause of all delivery ({@code notification_settings.notifier_paused}), honoured by every replica. */
@ApplicationScoped
@Transactional
public class KillSwitch {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    MessageStore messages;

    public boolean paused() {
        return (Boolean) entityManager.createNativeQuery("SELECT notifier_paused FROM notification_settings").getSingleResult();
    }

    /** Sets the switch; answers whether it changed. Resuming wakes every notifier. */
    public boolean set(boolean paused) {
        var changed = entityManager.createNativeQuery("""
                        UPDATE notification_settings SET notifier_paused = ?1, updated_at = now()
                        WHERE notifier_paused <> ?1""")
                .setParameter(1, paused).executeUpdate() > 0;
        if (changed && !paused) {
            messages.announce();
        }
        return changed;
    }
}
