package coder.notifications.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Owns {@code notification_messages}. Reads go through the {@link NotificationMessage} entity; the statements where
 * PostgreSQL's own semantics are the point are native, each saying why: the bulk enqueue ({@code ON CONFLICT}), the
 * lease ({@code FOR UPDATE SKIP LOCKED}), the fenced bulk result write, the purge and the advisory locks. The states
 * they move messages between come from {@link Transition}.
 */
@ApplicationScoped
@Transactional
public class MessageStore {

    /** The channel on which an enqueue wakes every notifier (LISTEN/NOTIFY). */
    public static final String CHANNEL = "notification_messages_enqueued";

    /**
     * The lease; {@code ?1} notifier id, {@code ?2} count, {@code ?3} attempt limit, {@code ?4} lease period in ms.
     * Native for {@code FOR UPDATE SKIP LOCKED}: rows another notifier holds are skipped, never waited for. The
     * status list is spelled out as literals (not parameters) so that it matches the partial index
     * notification_messages_leasable_idx, even in the generic plan of a prepared statement.
     */
    public static final String LEASE = """
            WITH leasable AS (
                SELECT id FROM notification_messages
                WHERE status IN (%1$s)
                  AND (status = '%2$s'
                       OR (status = '%3$s' AND next_retry_after <= now())
                       OR (status = '%4$s' AND leased_until <= now()))
                  AND attempt_count < ?3
                  AND NOT (SELECT notifier_paused FROM notification_settings)
                ORDER BY created_at
                LIMIT ?2
                FOR UPDATE SKIP LOCKED)
            UPDATE notification_messages m
            SET status = '%4$s', leased_until = now() + ?4 * interval '1 millisecond', lease_token = gen_random_uuid(),
                status_reason = 'Leased by notifier ' || ?1, updated_at = now(),
                queued_seconds = COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at))
            WHERE m.id = ANY (ARRAY(SELECT id FROM leasable))
            RETURNING m.id, m.notification_template_id, m.user_id, m.method, m.payload::text AS payload, m.attempt_count,
                COALESCE((SELECT p.disabled FROM notification_preferences p
                          WHERE p.user_id = m.user_id AND p.notification_template_id = m.notification_template_id),
                         NOT (SELECT t.enabled_by_default FROM notification_templates t
                              WHERE t.id = m.notification_template_id)) AS disabled,
                m.queued_seconds, m.lease_token""".formatted(
                    literals(Transition.LEASE.from()),
                    MessageStatus.pending,
                    MessageStatus.temporary_failure,
                    Transition.LEASE.to());

    /**
     * The planner settings of the lease's transaction. With sorting and bitmap scans off, the one plan left for "the
     * oldest leasable rows" is a walk of notification_messages_leasable_idx in created_at order, whatever the table's
     * statistics say: a queue swings from empty to 100,000 rows within seconds, faster than any ANALYZE, and a plan
     * chosen for the statistics of an empty table sorted every leasable row for each lease of 20. {@code set_config}
     * with {@code is_local} is {@code SET LOCAL}: the settings end with the transaction, so a pooled connection (and
     * PgBouncer in transaction mode) carries them to no other statement; and every lease transaction sets them
     * before its statement is planned, the generic plan of the prepared statement included. Sequential scans stay
     * allowed: disabled, they would put a cost of 10^10 on the one-row settings table and wake JIT compilation, and
     * JIT is off because compiling never pays for a statement of 20 rows.
     */
    public static final String LEASE_PLANNER = """
            SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true),
                   set_config('jit', 'off', true)""";

    /**
     * The result write; {@code ?1} message ids, {@code ?2} lease tokens, {@code ?3} statuses, {@code ?4} attempts used
     * (0 or 1), {@code ?5} reasons, {@code ?6} retry interval in ms. Planned by {@link #RECORD_PLANNER}.
     */
    public static final String RECORD = """
                        UPDATE notification_messages m
                        SET status = r.status, attempt_count = m.attempt_count + r.attempts, status_reason = r.reason,
                            next_retry_after = CASE WHEN r.status = '%1$s' THEN now() + ?6 * interval '1 millisecond' END,
                            leased_until = NULL, lease_token = NULL, updated_at = now()
                        FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]), CAST(?4 AS integer[]),
                                    CAST(?5 AS text[]))
                            AS r (id, lease, status, attempts, reason)
                        WHERE m.id = r.id AND m.lease_token = r.lease""".formatted(Transition.RETRY_LATER.to());

    /**
     * The planner settings of a result write's transaction ({@code SET LOCAL}, as {@link #LEASE_PLANNER}): each result
     * finds its row by primary key, one nested-loop step per result. Planned from statistics taken when the queue was
     * nearly empty, the write otherwise hash-joined the results to a scan of every leasable row, 30 to 60 ms for each
     * write of 50 results while a backlog of 100,000 drained. The fence is the lease token alone (the lease sets it,
     * every result clears it), so no status condition invites the leasable index in.
     */
    public static final String RECORD_PLANNER = """
            SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
                   set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
                   set_config('jit', 'off', true)""";

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /**
     * Offers messages to the queue in one statement and answers what became of each: a message whose recipient
     * turned its template off (or left a template that is off by default off) is not stored, nor one identical to
     * a message stored today; the rest are. Native for {@code ON CONFLICT (dedupe_hash) DO NOTHING}: two identical
     * events arriving together on two replicas store one row and neither transaction fails. The day of the dedupe
     * hash is the database's (UTC), so replicas with skewed clocks agree on it; the targets are those of each payload.
     * Rows are inserted in dedupe-hash order, the same in every statement: two statements offering the same messages
     * in different orders (two replicas' groups, two batches) then wait for each other instead of deadlocking.
     */
    public List<Enqueued> enqueue(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Enqueued> outcomes = entityManager
                .createNativeQuery("""
                        WITH candidate AS (
                            SELECT n.position, n.id, n.template_id, n.user_id, n.method, n.created_by, n.payload,
                                   CASE WHEN n.dedupe_key IS NOT NULL THEN encode(sha256(convert_to(
                                       n.dedupe_key || '/' || CAST(timezone('UTC', now()) AS date), 'UTF8')), 'hex') END
                                       AS dedupe_hash,
                                   COALESCE(p.disabled, NOT t.enabled_by_default) AS disabled
                            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]),
                                        CAST(?5 AS text[]), CAST(?6 AS jsonb[]), CAST(?7 AS text[])) WITH ORDINALITY
                                AS n (id, template_id, user_id, method, created_by, payload, dedupe_key, position)
                            JOIN notification_templates t ON t.id = n.template_id
                            LEFT JOIN notification_preferences p
                                ON p.user_id = n.user_id AND p.notification_template_id = n.template_id),
                        stored AS (
                            INSERT INTO notification_messages
                                (id, notification_template_id, user_id, method, created_by, payload, targets, dedupe_hash)
                            SELECT id, template_id, user_id, method, created_by, payload,
                                   ARRAY(SELECT CAST(jsonb_array_elements_text(payload -> 'targets') AS uuid)), dedupe_hash
                            FROM candidate WHERE NOT disabled ORDER BY dedupe_hash, position
                            ON CONFLICT (dedupe_hash) DO NOTHING
                            RETURNING id)
                        SELECT c.id, c.disabled, s.id IS NOT NULL AS stored
                        FROM candidate c LEFT JOIN stored s ON s.id = c.id""", NotificationMessage.ENQUEUED)
                .setParameter(1, column(messages, message -> message.id().toString()))
                .setParameter(
                        2, column(messages, message -> message.templateId().toString()))
                .setParameter(3, column(messages, message -> message.userId().toString()))
                .setParameter(4, column(messages, message -> message.method().name()))
                .setParameter(5, column(messages, NewMessage::createdBy))
                .setParameter(6, column(messages, NewMessage::payloadJson))
                .setParameter(7, column(messages, NewMessage::dedupeKey))
                .getResultList();
        return outcomes;
    }

    /**
     * Serialises, until the current transaction ends, the sends one person triggers themself (test and custom
     * notifications), so that counting them and adding one cannot interleave across replicas.
     */
    public void lockSendsOf(UUID userId) {
        // Native: a transaction-scoped advisory lock per user, released by commit or rollback, never left behind.
        entityManager
                .createNativeQuery(
                        "SELECT pg_advisory_xact_lock(hashtext('notification_messages sends'), hashtext(?1))")
                .setParameter(1, userId.toString())
                .getSingleResult();
    }

    /**
     * How long ago the user's messages of these templates, created by one of these sources within the window,
     * were created, oldest first; measured by the database's clock, which every replica shares.
     */
    public List<Duration> agesWithin(UUID userId, List<UUID> templateIds, List<String> createdBy, Duration window) {
        // Native: ages by the database's now(), so replicas with skewed clocks count the same window. One request
        // stores its messages (the method's and the inbox's) in one transaction, so they share created_at (now(),
        // the transaction's start): DISTINCT counts requests, not methods.
        List<?> ages = entityManager
                .createNativeQuery("""
                        SELECT DISTINCT CAST(EXTRACT(EPOCH FROM now() - created_at) * 1000 AS bigint) AS age,
                               created_at
                        FROM notification_messages
                        WHERE user_id = ?1 AND created_at > now() - ?2 * interval '1 millisecond'
                          AND notification_template_id = ANY (CAST(?3 AS uuid[])) AND created_by = ANY (CAST(?4 AS text[]))
                        ORDER BY created_at""")
                .setParameter(1, userId)
                .setParameter(2, window.toMillis())
                .setParameter(3, templateIds.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter(4, createdBy.toArray(String[]::new))
                .getResultList();
        return ages.stream()
                .map(row -> Duration.ofMillis(((Number) ((Object[]) row)[0]).longValue()))
                .toList();
    }

    /** Wakes the notifiers of every replica once the current transaction commits. */
    public void announce() {
        // Native: NOTIFY is PostgreSQL's; delivered at commit, and only if the transaction commits.
        entityManager
                .createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')")
                .getSingleResult();
    }

    /**
     * Leases the oldest sendable messages (see {@link #LEASE}), in a transaction planned by {@link #LEASE_PLANNER};
     * nothing is leased while the notifier is paused. The
     * update finds the locked rows through {@code = ANY (ARRAY(...))}, so even the generic plan of a prepared
     * statement (which guesses the LIMIT at 10% of the table) stays on indexes instead of hash-joining the table.
     */
    @SuppressWarnings("unchecked")
    public List<LeasedMessage> lease(String notifierId, int count, Duration period, int maxAttempts) {
        entityManager.createNativeQuery(LEASE_PLANNER).getSingleResult();
        return entityManager
                .createNativeQuery(LEASE, NotificationMessage.LEASED)
                .setParameter(1, notifierId)
                .setParameter(2, count)
                .setParameter(3, maxAttempts)
                .setParameter(4, period.toMillis())
                .getResultList();
    }

    /**
     * Writes a batch of results in one statement, planned by {@link #RECORD_PLANNER}; answers how many were written.
     * Each is fenced by its lease token: a result whose lease ended (the message was leased again, or already has an
     * outcome) is dropped, never written over another lease's. Native: one UPDATE joined to the results as arrays,
     * whatever their number.
     */
    public int record(List<Result> results, int maxAttempts, Duration retryInterval) {
        if (results.isEmpty()) {
            return 0;
        }
        entityManager.createNativeQuery(RECORD_PLANNER).getSingleResult();
        var transitions = results.stream()
                .map(result -> Transition.after(result, maxAttempts))
                .toList();
        return entityManager
                .createNativeQuery(RECORD)
                .setParameter(1, column(results, result -> result.messageId().toString()))
                .setParameter(2, column(results, result -> result.lease().toString()))
                .setParameter(3, transitions.stream().map(t -> t.to().name()).toArray(String[]::new))
                .setParameter(
                        4,
                        transitions.stream().map(t -> t.usesAttempt() ? 1 : 0).toArray(Integer[]::new))
                .setParameter(5, column(results, Result::reason))
                .setParameter(6, retryInterval.toMillis())
                .executeUpdate();
    }

    /**
     * Inhibits the user's waiting messages of the template, once they turned it off. A message being dispatched
     * right now is left to its notifier, which reads the choice with the lease and inhibits it itself.
     */
    public int inhibitQueued(UUID userId, UUID templateId) {
        return entityManager
                .createQuery("""
                        UPDATE NotificationMessage m
                        SET m.status = :inhibited, m.statusReason = :reason, m.nextRetryAfter = NULL, m.updatedAt = CURRENT_TIMESTAMP
                        WHERE m.userId = :user AND m.templateId = :template AND (m.status = :pending OR m.status = :retrying)""")
                .setParameter("inhibited", Transition.INHIBIT.to())
                .setParameter("reason", Transition.DISABLED_BY_USER)
                .setParameter("user", userId)
                .setParameter("template", templateId)
                .setParameter("pending", MessageStatus.pending)
                .setParameter("retrying", MessageStatus.temporary_failure)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code limit} messages whose last change is older than the retention period, if no other
     * replica is purging right now; answers how many were deleted.
     */
    public int purge(Duration retention, int limit) {
        // Native: a transaction-scoped advisory lock keeps replicas from purging the same rows at once.
        var mine = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('notification_messages retention'))")
                .getSingleResult();
        if (!mine) {
            return 0;
        }
        // Native: DELETE has no LIMIT; a bounded batch keeps each purge transaction short.
        return entityManager
                .createNativeQuery("""
                        DELETE FROM notification_messages
                        WHERE id IN (SELECT id FROM notification_messages
                                     WHERE updated_at < now() - ?1 * interval '1 millisecond' LIMIT ?2)""")
                .setParameter(1, retention.toMillis())
                .setParameter(2, limit)
                .executeUpdate();
    }

    public Optional<MessageView> byId(UUID id) {
        return entityManager
                .createQuery(VIEW + " AND m.id = :id", MessageView.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** Newest first, filtered by whichever of status, user and template are given. */
    public List<MessageView> list(MessageFilter filter) {
        var jpql = new StringBuilder(VIEW);
        filter.status().ifPresent(status -> jpql.append(" AND m.status = :status"));
        filter.userId().ifPresent(user -> jpql.append(" AND m.userId = :user"));
        filter.templateId().ifPresent(template -> jpql.append(" AND m.templateId = :template"));
        jpql.append(" ORDER BY m.createdAt DESC, m.id");
        var query =
                entityManager.createQuery(jpql.toString(), MessageView.class).setMaxResults(filter.limit());
        filter.status().ifPresent(status -> query.setParameter("status", status));
        filter.userId().ifPresent(user -> query.setParameter("user", user));
        filter.templateId().ifPresent(template -> query.setParameter("template", template));
        return query.getResultList();
    }

    private static final String VIEW = """
            SELECT NEW coder.notifications.messages.MessageView(m.id, m.templateId, t.name, m.userId, m.method, m.status,
                m.statusReason, m.attemptCount, m.createdBy, m.createdAt, m.updatedAt, m.leasedUntil, m.nextRetryAfter)
            FROM NotificationMessage m, NotificationTemplate t WHERE t.id = m.templateId""";

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String literals(Collection<MessageStatus> statuses) {
        return statuses.stream()
                .sorted()
                .map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
