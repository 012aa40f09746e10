package coder.notifications.audit;

import coder.notifications.api.Refusal;
import coder.notifications.api.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    public static final String MESSAGE = "notification_message";
    static final Duration KEEP = Duration.ofDays(90);
    static final int PREFERENCE_CHANGES_PER_MINUTE = 30;

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Optional<UUID> actor, String resourceType, String resourceId, JsonValue old, JsonValue changed) {
        entityManager.persist(new AuditRecord(actor.orElse(null), resourceType, resourceId, old, changed));
    }

    /**
     * One page of entries, newest first, of the filter's resource type and actor (or all), older than the filter's
     * cursor entry. Native: a row comparison on {@code (time, id)} walks the index where JPQL has none.
     */
    @Transactional
    public List<AuditEntry> page(AuditFilter filter) {
        var sql = new StringBuilder("SELECT a.* FROM audit_log a WHERE true");
        var parameters = new ArrayList<Object>();
        filter.resourceType().ifPresent(type -> condition(sql, parameters, "a.resource_type = ?", type));
        filter.actorId().ifPresent(actor -> condition(sql, parameters, "a.actor_id = ?", actor));
        filter.before()
                .ifPresent(cursor -> condition(
                        sql,
                        parameters,
                        "(a.time, a.id) < (SELECT c.time, c.id FROM audit_log c WHERE c.id = ?)",
                        cursor));
        sql.append(" ORDER BY a.time DESC, a.id DESC LIMIT ").append(filter.limit());
        var query = entityManager.createNativeQuery(sql.toString(), AuditRecord.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<AuditRecord> records = query.getResultList();
        return records.stream().map(AuditRecord::entry).toList();
    }

    /** The newest entries about one resource, newest first. */
    @Transactional
    public List<AuditEntry> about(String resourceType, String resourceId, int limit) {
        return entityManager
                .createQuery(
                        "SELECT a FROM AuditRecord a WHERE a.resourceType = :type AND a.resourceId = :id"
                                + " ORDER BY a.time DESC",
                        AuditRecord.class)
                .setParameter("type", resourceType)
                .setParameter("id", resourceId)
                .setMaxResults(limit)
                .getResultStream()
                .map(AuditRecord::entry)
                .toList();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        parameters.add(value);
        sql.append(" AND ").append(condition.replace("?", "?" + parameters.size()));
    }

    /**
     * Refuses, with a 429 naming when to come back, a preference change by an actor who has written
     * {@value #PREFERENCE_CHANGES_PER_MINUTE} preference entries within the last minute: a burst of clicks passes,
     * a flood cannot push other entries out of sight. Counted in the database under a per-actor lock held to the
     * end of the transaction, so replicas agree and two requests cannot both take the last place.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = Refusal.class)
    public void requireRoomForPreferenceChange(UUID actor) {
        // Native: a transaction-scoped advisory lock per actor, and ages by the database's clock.
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('audit_log preferences'), hashtext(?1))")
                .setParameter(1, actor.toString())
                .getSingleResult();
        List<?> ages = entityManager
                .createNativeQuery("""
                        SELECT CAST(EXTRACT(EPOCH FROM now() - time) * 1000 AS bigint) FROM audit_log
                        WHERE actor_id = ?1 AND resource_type = ?2 AND time > now() - interval '1 minute'
                        ORDER BY time DESC, id DESC LIMIT ?3""")
                .setParameter(1, actor)
                .setParameter(2, PREFERENCE)
                .setParameter(3, PREFERENCE_CHANGES_PER_MINUTE)
                .getResultList();
        if (ages.size() >= PREFERENCE_CHANGES_PER_MINUTE) {
            var oldest = ((Number) ages.get(ages.size() - 1)).longValue();
            throw new TooManyRequestsException(
                    "Too many preference changes: at most " + PREFERENCE_CHANGES_PER_MINUTE
                            + " a minute. Try again shortly.",
                    Duration.ofMinutes(1).minusMillis(oldest));
        }
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
