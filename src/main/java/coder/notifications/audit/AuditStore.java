package coder.notifications.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code audit_log}. {@link #record} joins the transaction of the change it records (MANDATORY), so a
 * change and its entry are stored together or not at all.
 */
@ApplicationScoped
public class AuditStore {

    public static final String SETTINGS = "notifications_settings";
    public static final String TEMPLATE = "notification_template";
    public static final String PREFERENCE = "notification_preference";
    static final Duration KEEP = Duration.ofDays(90);

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Optional<UUID> actor, String resourceType, String resourceId, JsonValue old, JsonValue changed) {
        entityManager.persist(new AuditRecord(actor.orElse(null), resourceType, resourceId, old, changed));
    }

    /** The newest entries first, of one resource type or all. */
    @Transactional
    public List<AuditEntry> newest(Optional<String> resourceType, int limit) {
        var query = resourceType.isPresent()
                ? entityManager
                        .createQuery(
                                "SELECT a FROM AuditRecord a WHERE a.resourceType = :type ORDER BY a.time DESC, a.id",
                                AuditRecord.class)
                        .setParameter("type", resourceType.get())
                : entityManager.createQuery(
                        "SELECT a FROM AuditRecord a ORDER BY a.time DESC, a.id", AuditRecord.class);
        return query.setMaxResults(limit)
                .getResultStream()
                .map(AuditRecord::entry)
                .toList();
    }

    /** Deletes entries older than 90 days; answers how many. */
    @Transactional
    public int purge() {
        return entityManager
                .createQuery("DELETE FROM AuditRecord a WHERE a.time < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(clock).minus(KEEP))
                .executeUpdate();
    }
}
