package coder.notifications.preferences;

import coder.notifications.database.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Owns {@code notification_preferences}. */
@ApplicationScoped
@Transactional
public class PreferenceStore {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /**
     * Which of the users must not receive the template: those who disabled it, and, for a template that is off
     * by default, those who did not enable it.
     */
    public Set<UUID> silenced(UUID templateId, boolean enabledByDefault, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        List<?> ids = entityManager.createNativeQuery("""
                        SELECT u.id FROM unnest(CAST(?1 AS uuid[])) AS u(id)
                        LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.notification_template_id = ?2
                        WHERE COALESCE(p.disabled, NOT ?3)""")
                .setParameter(1, SqlArrays.literal(userIds)).setParameter(2, templateId).setParameter(3, enabledByDefault)
                .getResultList();
        var silenced = new HashSet<UUID>();
        ids.forEach(id -> silenced.add((UUID) id));
        return silenced;
    }
}
