package coder.notifications.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Owns {@code notification_settings}, its one row of site-wide settings. */
@ApplicationScoped
@Transactional
public class SiteSettingsStore {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /** The settings as they are now. */
    public SiteSettings read() {
        return entityManager.find(SiteSettings.class, Boolean.TRUE);
    }

    /** The settings, locked until the current transaction ends, to change them. */
    public SiteSettings forUpdate() {
        return entityManager.find(SiteSettings.class, Boolean.TRUE, LockModeType.PESSIMISTIC_WRITE);
    }
}
