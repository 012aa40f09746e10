package coder.notifications.preferences;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Owns {@code notification_preferences}. */
@ApplicationScoped
@Transactional
public class PreferenceStore {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    public List<PreferenceView> of(UUID userId) {
        return entityManager
                .createQuery("""
                        SELECT p FROM NotificationPreference p WHERE p.userId = :user ORDER BY p.templateId""", NotificationPreference.class)
                .setParameter("user", userId)
                .getResultStream()
                .map(NotificationPreference::view)
                .toList();
    }

    /** Stores the choices ({@code true}: disabled), one row per user and template. */
    public void set(UUID userId, Map<UUID, Boolean> disabledByTemplate) {
        var now = OffsetDateTime.now(clock);
        disabledByTemplate.forEach((templateId, disabled) -> {
            var stored = entityManager.find(
                    NotificationPreference.class, new NotificationPreference.Key(userId, templateId));
            if (stored == null) {
                entityManager.persist(new NotificationPreference(userId, templateId, disabled, now));
            } else {
                stored.choose(disabled, now);
            }
        });
    }
}
