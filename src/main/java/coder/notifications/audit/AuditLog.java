package coder.notifications.audit;

import coder.notifications.database.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code audit_log}. {@link #record} joins the transaction of the change it records (MANDATORY), so a
 * change and its entry are stored together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SETTINGS = "notifications_settings";
    public static final String TEMPLATE = "notification_template";
    public static final String PREFERENCE = "notification_preference";
    static final Duration KEEP = Duration.ofDays(90);

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Optional<UUID> actor, String resourceType, String resourceId, JsonValue old, JsonValue changed) {
        entityManager.createNativeQuery("""
                        INSERT INTO audit_log (id, actor_id, action, resource_type, resource_id, old, new)
                        VALUES (?1, CAST(?2 AS uuid), 'write', ?3, ?4, CAST(?5 AS jsonb), CAST(?6 AS jsonb))""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, actor.orElse(null)).setParameter(3, resourceType)
                .setParameter(4, resourceId).setParameter(5, old.toString()).setParameter(6, changed.toString())
                .executeUpdate();
    }

    /** The newest entries first, of one resource type or all. */
    @Transactional
    public List<AuditEntry> newest(Optional<String> resourceType, int limit) {
        var query = resourceType.isPresent()
                ? entityManager.createNativeQuery("""
                        SELECT id, time, actor_id, action, resource_type, resource_id, old::text, new::text FROM audit_log
                        WHERE resource_type = ?1 ORDER BY time DESC, id LIMIT ?2""").setParameter(1, resourceType.get())
                : entityManager.createNativeQuery("""
                        SELECT id, time, actor_id, action, resource_type, resource_id, old::text, new::text FROM audit_log
                        ORDER BY time DESC, id LIMIT ?2""");
        return NativeRows.of(query.setParameter(2, limit).getResultList()).stream()
                .map(row -> new AuditEntry((UUID) row[0], NativeRows.instant(row[1]), (UUID) row[2], (String) row[3],
                        (String) row[4], (String) row[5], json((String) row[6]), json((String) row[7])))
                .toList();
    }

    /** Deletes entries older than 90 days; answers how many. */
    @Transactional
    public int purge() {
        return entityManager.createNativeQuery("DELETE FROM audit_log WHERE time < now() - ?1 * interval '1 day'")
                .setParameter(1, KEEP.toDays()).executeUpdate();
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
