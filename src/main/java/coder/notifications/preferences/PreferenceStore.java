package coder.notifications.preferences;

import coder.notifications.database.NativeRows;
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

    public List<PreferenceView> of(UUID userId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT notification_template_id, disabled, updated_at FROM notification_preferences
                        WHERE user_id = ?1 ORDER BY notification_template_id""")
                .setParameter(1, userId).getResultList();
        return NativeRows.of(rows).stream()
                .map(row -> new PreferenceView((UUID) row[0], (Boolean) row[1], NativeRows.instant(row[2])))
                .toList();
    }

    /**
     * Stores the choices in one transaction. Disabling also inhibits the user's messages of that template that
     * are still waiting, so nothing already queued goes out after the user opted out.
     */
    public void set(UUID userId, java.util.Map<UUID, Boolean> disabledByTemplate) {
        disabledByTemplate.forEach((templateId, disabled) -> {
            // Upsert: one row per user and template, updated_at only when the choice changes.
            entityManager.createNativeQuery("""
                            INSERT INTO notification_preferences (user_id, notification_template_id, disabled)
                            VALUES (?1, ?2, ?3)
                            ON CONFLICT (user_id, notification_template_id) DO UPDATE
                            SET disabled = EXCLUDED.disabled, updated_at = now()
                            WHERE notification_preferences.disabled IS DISTINCT FROM EXCLUDED.disabled""")
                    .setParameter(1, userId).setParameter(2, templateId).setParameter(3, disabled).executeUpdate();
            if (disabled) {
                entityManager.createNativeQuery("""
                                UPDATE notification_messages
                                SET status = 'inhibited', status_reason = 'disabled by user', next_retry_after = NULL,
                                    updated_at = now()
                                WHERE user_id = ?1 AND notification_template_id = ?2
                                  AND status IN ('pending', 'temporary_failure')""")
                        .setParameter(1, userId).setParameter(2, templateId).executeUpdate();
            }
        });
    }
}
