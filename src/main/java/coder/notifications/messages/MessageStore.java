package coder.notifications.messages;

import coder.notifications.database.NativeRows;
import coder.notifications.database.SqlArrays;
import coder.notifications.delivery.Method;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owns {@code notification_messages}: the enqueue, the lease, the bulk result writes and the purge. */
@ApplicationScoped
@Transactional
public class MessageStore {

    /** The channel on which an enqueue wakes every notifier (LISTEN/NOTIFY). */
    public static final String CHANNEL = "notification_messages_enqueued";

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /** The lease; {@code ?1} notifier id, {@code ?2} count, {@code ?3} attempt limit, {@code ?4} lease period in ms. */
    public static final String LEASE = """
            WITH leasable AS (
                SELECT id FROM notification_messages
                WHERE status IN ('pending', 'leased', 'temporary_failure')
                  AND (status = 'pending'
                       OR (status = 'temporary_failure' AND next_retry_after <= now())
                       OR (status = 'leased' AND leased_until <= now()))
                  AND attempt_count < ?3
                  AND NOT (SELECT notifier_paused FROM notification_settings)
                ORDER BY created_at
                LIMIT ?2
                FOR UPDATE SKIP LOCKED)
            UPDATE notification_messages m
            SET status = 'leased', leased_until = now() + ?4 * interval '1 millisecond', lease_token = gen_random_uuid(),
                status_reason = 'Leased by notifier ' || ?1, updated_at = now(),
                queued_seconds = COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at))
            WHERE m.id = ANY (ARRAY(SELECT id FROM leasable))
            RETURNING m.id, m.notification_template_id, m.user_id, m.method, m.payload::text, m.attempt_count,
                COALESCE((SELECT p.disabled FROM notification_preferences p
                          WHERE p.user_id = m.user_id AND p.notification_template_id = m.notification_template_id),
                         NOT (SELECT t.enabled_by_default FROM notification_templates t
                              WHERE t.id = m.notification_template_id)),
                m.queued_seconds, m.lease_token""";

    /** Stores the message unless an identical one exists today; answers whether it was stored. */
    public boolean enqueue(NewMessage message) {
        // The unique dedupe_hash makes two identical events arriving together on two replicas store one row.
        return entityManager.createNativeQuery("""
                        INSERT INTO notification_messages
                            (id, notification_template_id, user_id, method, created_by, payload, targets, dedupe_hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS uuid[]), ?8)
                        ON CONFLICT (dedupe_hash) DO NOTHING""")
                .setParameter(1, message.id()).setParameter(2, message.templateId()).setParameter(3, message.userId())
                .setParameter(4, message.method().name()).setParameter(5, message.createdBy())
                .setParameter(6, message.payloadJson()).setParameter(7, SqlArrays.literal(message.targets()))
                .setParameter(8, message.dedupeHash())
                .executeUpdate() == 1;
    }

    /**
     * Serialises, until the current transaction ends, the sends one person triggers themself (test and custom
     * notifications), so that counting them and adding one cannot interleave across replicas.
     */
    public void lockSendsOf(UUID userId) {
        // A transaction-scoped advisory lock per user: released by commit or rollback, never left behind.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('notification_messages sends'), hashtext(?1))")
                .setParameter(1, userId.toString()).getSingleResult();
    }

    /**
     * How long ago the user's messages of these templates, created by one of these sources within the window,
     * were created, oldest first; measured by the database's clock, which every replica shares.
     */
    public List<Duration> agesWithin(UUID userId, List<UUID> templateIds, List<String> createdBy, Duration window) {
        List<?> ages = entityManager.createNativeQuery("""
                        SELECT CAST(EXTRACT(EPOCH FROM now() - created_at) * 1000 AS bigint) FROM notification_messages
                        WHERE user_id = ?1 AND created_at > now() - ?2 * interval '1 millisecond'
                          AND notification_template_id = ANY (CAST(?3 AS uuid[])) AND created_by = ANY (CAST(?4 AS text[]))
                        ORDER BY created_at""")
                .setParameter(1, userId).setParameter(2, window.toMillis())
                .setParameter(3, SqlArrays.literal(templateIds)).setParameter(4, SqlArrays.literal(createdBy))
                .getResultList();
        return ages.stream().map(age -> Duration.ofMillis(((Number) age).longValue())).toList();
    }

    /** Today's date in UTC by the database's clock (the day identical events are deduplicated within). */
    public java.time.LocalDate today() {
        return ((java.sql.Date) entityManager.createNativeQuery("SELECT CAST(timezone('UTC', now()) AS date)").getSingleResult())
                .toLocalDate();
    }

    /** Wakes the notifiers of every replica once the current transaction commits. */
    public void announce() {
        entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
    }

    /**
     * Leases the oldest sendable messages. Rows another notifier has locked are skipped, never waited for;
     * nothing is leased while the notifier is paused. The partial index on created_at matches the status list
     * literally, and the update finds the locked rows through {@code = ANY (ARRAY(...))}, so even the generic
     * plan of a prepared statement (which guesses the LIMIT at 10% of the table) stays on indexes instead of
     * hash-joining the whole table.
     */
    public List<LeasedMessage> lease(String notifierId, int count, Duration period, int maxAttempts) {
        List<?> found = entityManager.createNativeQuery(LEASE)
                .setParameter(1, notifierId).setParameter(2, count).setParameter(3, maxAttempts)
                .setParameter(4, period.toMillis())
                .getResultList();
        return NativeRows.of(found).stream().map(row -> new LeasedMessage((UUID) row[0], (UUID) row[1], (UUID) row[2],
                Method.valueOf((String) row[3]), (String) row[4], ((Number) row[5]).intValue(), (Boolean) row[6],
                ((Number) row[7]).doubleValue(), (UUID) row[8])).toList();
    }

    /**
     * Writes a batch of results in at most two statements; answers how many were written. Each is fenced by its
     * lease token: a result whose lease ended (the message was leased again, or already has an outcome) is
     * dropped, never written over another lease's.
     */
    public int record(List<Result> results, int maxAttempts, Duration retryInterval) {
        int written = 0;
        // Outcomes that end the lease without a failure, in one statement: sent (one attempt more), inhibited, and
        // released (not tried: pending again, its attempts unchanged).
        var settled = results.stream().filter(r -> r.kind() == Result.Kind.SENT || r.kind() == Result.Kind.INHIBITED
                || r.kind() == Result.Kind.RELEASED).toList();
        if (!settled.isEmpty()) {
            written += entityManager.createNativeQuery("""
                            UPDATE notification_messages m
                            SET status = CASE r.kind WHEN 'SENT' THEN 'sent' WHEN 'INHIBITED' THEN 'inhibited' ELSE 'pending' END,
                                attempt_count = m.attempt_count + CASE WHEN r.kind = 'SENT' THEN 1 ELSE 0 END,
                                status_reason = CASE r.kind WHEN 'SENT' THEN NULL WHEN 'INHIBITED' THEN 'disabled by user'
                                                            ELSE 'released: not started in time' END,
                                leased_until = NULL, lease_token = NULL, next_retry_after = NULL, updated_at = now()
                            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[])) AS r(id, lease, kind)
                            WHERE m.id = r.id AND m.status = 'leased' AND m.lease_token = r.lease""")
                    .setParameter(1, SqlArrays.literal(settled.stream().map(Result::messageId).toList()))
                    .setParameter(2, SqlArrays.literal(settled.stream().map(Result::lease).toList()))
                    .setParameter(3, SqlArrays.literal(settled.stream().map(r -> r.kind().name()).toList()))
                    .executeUpdate();
        }
        var failed = results.stream().filter(r -> r.kind() == Result.Kind.RETRYABLE || r.kind() == Result.Kind.PERMANENT).toList();
        if (!failed.isEmpty()) {
            written += entityManager.createNativeQuery("""
                            UPDATE notification_messages m
                            SET attempt_count = m.attempt_count + 1,
                                status = CASE WHEN r.permanent OR m.attempt_count + 1 >= ?4
                                              THEN 'permanent_failure' ELSE 'temporary_failure' END,
                                status_reason = r.reason,
                                next_retry_after = CASE WHEN r.permanent OR m.attempt_count + 1 >= ?4
                                                        THEN NULL ELSE now() + ?5 * interval '1 millisecond' END,
                                leased_until = NULL, lease_token = NULL, updated_at = now()
                            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS boolean[]), CAST(?6 AS uuid[]))
                                AS r(id, reason, permanent, lease)
                            WHERE m.id = r.id AND m.status = 'leased' AND m.lease_token = r.lease""")
                    .setParameter(1, SqlArrays.literal(failed.stream().map(Result::messageId).toList()))
                    .setParameter(2, SqlArrays.literal(failed.stream().map(Result::reason).toList()))
                    .setParameter(3, SqlArrays.literal(failed.stream().map(r -> r.kind() == Result.Kind.PERMANENT).toList()))
                    .setParameter(4, maxAttempts).setParameter(5, retryInterval.toMillis())
                    .setParameter(6, SqlArrays.literal(failed.stream().map(Result::lease).toList()))
                    .executeUpdate();
        }
        return written;
    }

    /**
     * Deletes up to {@code limit} messages whose last change is older than the retention period, if no other
     * replica is purging right now (a transaction-scoped advisory lock); answers how many were deleted.
     */
    public int purge(Duration retention, int limit) {
        var mine = (Boolean) entityManager.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('notification_messages retention'))").getSingleResult();
        if (!mine) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                        DELETE FROM notification_messages
                        WHERE id IN (SELECT id FROM notification_messages
                                     WHERE updated_at < now() - ?1 * interval '1 millisecond' LIMIT ?2)""")
                .setParameter(1, retention.toMillis()).setParameter(2, limit).executeUpdate();
    }

    public Optional<MessageView> byId(UUID id) {
        return NativeRows.of(entityManager.createNativeQuery(VIEW + " WHERE m.id = ?1").setParameter(1, id).getResultList())
                .stream().findFirst().map(MessageStore::view);
    }

    /** Newest first, filtered by whichever of status, user and template are given. */
    public List<MessageView> list(MessageFilter filter) {
        var status = filter.status();
        var userId = filter.userId();
        var templateId = filter.templateId();
        var sql = new StringBuilder(VIEW).append(" WHERE true");
        status.ifPresent(s -> sql.append(" AND m.status = ?1"));
        userId.ifPresent(u -> sql.append(" AND m.user_id = ?2"));
        templateId.ifPresent(t -> sql.append(" AND m.notification_template_id = ?3"));
        sql.append(" ORDER BY m.created_at DESC, m.id LIMIT ?4");
        var query = entityManager.createNativeQuery(sql.toString());
        status.ifPresent(s -> query.setParameter(1, s.name()));
        userId.ifPresent(u -> query.setParameter(2, u));
        templateId.ifPresent(t -> query.setParameter(3, t));
        query.setParameter(4, filter.limit());
        return NativeRows.of(query.getResultList()).stream().map(MessageStore::view).toList();
    }

    private static final String VIEW = """
            SELECT m.id, m.notification_template_id, t.name, m.user_id, m.method, m.status, m.status_reason,
                   m.attempt_count, m.created_by, m.created_at, m.updated_at, m.leased_until, m.next_retry_after
            FROM notification_messages m JOIN notification_templates t ON t.id = m.notification_template_id""";

    private static MessageView view(Object[] row) {
        return new MessageView((UUID) row[0], (UUID) row[1], (String) row[2], (UUID) row[3], (String) row[4],
                (String) row[5], (String) row[6], ((Number) row[7]).intValue(), (String) row[8], NativeRows.instant(row[9]),
                NativeRows.instant(row[10]), NativeRows.instant(row[11]), NativeRows.instant(row[12]));
    }

}
