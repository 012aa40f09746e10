package coder.notifications.messages;

import coder.notifications.config.Method;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
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
     * Whether a message may be taken for delivery now ({@code ?%1$d}: the attempt limit): new, due for a retry, or
     * leased by a notifier whose lease ran out; never while delivery is paused. The status list is spelled out as
     * literals (not parameters) so that it matches the partial indexes notification_messages_leasable_idx and
     * notification_messages_inbox_leasable_idx, even in the generic plan of a prepared statement.
     */
    private static String sendable(int attemptLimit) {
        return """
                status IN (%1$s)
                  AND (status = '%2$s'
                       OR (status = '%3$s' AND next_retry_after <= now())
                       OR (status = '%4$s' AND leased_until <= now()))
                  AND attempt_count < ?%5$d
                  AND NOT (SELECT notifier_paused FROM notification_settings)""".formatted(
                        literals(Transition.LEASE.from()),
                        MessageStatus.pending,
                        MessageStatus.temporary_failure,
                        Transition.LEASE.to(),
                        attemptLimit);
    }

    /** Whether the recipient turned the message's template off since it was queued (or left it off by default). */
    private static final String DISABLED = """
            COALESCE((SELECT p.disabled FROM notification_preferences p
                      WHERE p.user_id = m.user_id AND p.notification_template_id = m.notification_template_id),
                     NOT (SELECT t.enabled_by_default FROM notification_templates t
                          WHERE t.id = m.notification_template_id)) AS disabled""";

    /**
     * The lease of the messages sent by a transport (email, webhook); {@code ?1} notifier id, {@code ?2} count,
     * {@code ?3} attempt limit, {@code ?4} lease period in ms. Native for {@code FOR UPDATE SKIP LOCKED}: rows another
     * notifier holds are skipped, never waited for. Inbox messages are the inbox lane's ({@link #TAKE_INBOX}).
     */
    public static final String LEASE = """
            WITH leasable AS (
                SELECT id FROM notification_messages
                WHERE method <> '%1$s' AND %2$s
                ORDER BY created_at
                LIMIT ?2
                FOR UPDATE SKIP LOCKED)
            UPDATE notification_messages m
            SET status = '%3$s', leased_until = now() + ?4 * interval '1 millisecond', lease_token = gen_random_uuid(),
                status_reason = 'Leased by notifier ' || ?1, updated_at = now(),
                queued_seconds = COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at))
            WHERE m.id = ANY (ARRAY(SELECT id FROM leasable))
            RETURNING m.id, m.notification_template_id, m.user_id, m.method, m.payload::text AS payload, m.attempt_count,
                %4$s, m.queued_seconds, m.lease_token""".formatted(Method.inbox, sendable(3), Transition.LEASE.to(), DISABLED);

    /**
     * The inbox lane's take ({@code ?1} count, {@code ?2} attempt limit): the oldest sendable inbox messages, locked
     * until the end of the lane's transaction instead of leased. The lane stores their items and writes their results
     * in that same transaction ({@link #recordTaken}), so a message is updated once instead of twice (lease, result),
     * and a crash rolls back item and result together. Rows another lane holds are skipped, never waited for.
     */
    public static final String TAKE_INBOX = takeInbox("", "ORDER BY m.created_at LIMIT ?1");

    /** One message of the inbox lane's, by id ({@code ?1}), if it is still sendable and no other lane holds it. */
    static final String TAKE_INBOX_MESSAGE = takeInbox("m.id = ?1 AND ", "");

    private static String takeInbox(String which, String order) {
        return """
                SELECT m.id, m.notification_template_id, m.user_id, m.method, m.payload::text AS payload, m.attempt_count,
                    %2$s, COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at)) AS queued_seconds,
                    m.lease_token
                FROM notification_messages m
                WHERE %4$sm.method = '%1$s' AND %3$s
                %5$s
                FOR UPDATE OF m SKIP LOCKED""".formatted(Method.inbox, DISABLED, sendable(2), which, order);
    }

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
     * (0 or 1), {@code ?5} reasons, {@code ?6} retry interval in ms; answers how many results were written. Planned by
     * {@link #RECORD_PLANNER}. The same statement counts what it wrote in this minute's activity counters
     * ({@link #countActivity}), so the console's overview never disagrees with the rows.
     */
    public static final String RECORD = record("m.lease_token = r.lease");

    /**
     * The inbox lane's result write, in the transaction that took the messages: its rows are locked, so the lease
     * token each had when taken (null unless a lease of it ran out) is still theirs.
     */
    static final String RECORD_TAKEN = record("m.lease_token IS NOT DISTINCT FROM r.lease");

    private static String record(String fence) {
        return """
                WITH written AS (
                    UPDATE notification_messages m
                    SET status = r.status, attempt_count = m.attempt_count + r.attempts, status_reason = r.reason,
                        next_retry_after = CASE WHEN r.status = '%1$s' THEN now() + ?6 * interval '1 millisecond' END,
                        leased_until = NULL, lease_token = NULL, updated_at = now(),
                        queued_seconds = COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at))
                    FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]), CAST(?4 AS integer[]),
                                CAST(?5 AS text[]))
                        AS r (id, lease, status, attempts, reason)
                    WHERE m.id = r.id AND %3$s
                    RETURNING m.status, m.status_reason),
                %2$s
                SELECT count(*) FROM written""".formatted(Transition.RETRY_LATER.to(), countActivity("written"), fence);
    }

    /**
     * Adds the outcomes a statement's CTE {@code source} returns ({@code status}, {@code status_reason}) to this
     * minute's activity counters, and its failures to this hour's failure reasons (under the first 200 characters of
     * each reason); a message handed back ({@code pending}) counts nothing. Counters are upserted in key order, so two
     * replicas' statements wait for each other instead of deadlocking.
     */
    static String countActivity(String source) {
        return """
                counted AS (
                    INSERT INTO notification_activity AS a (minute, status, count)
                    SELECT date_trunc('minute', now()), status, count(*)
                    FROM %3$s WHERE status IN ('%4$s', '%1$s', '%2$s', '%5$s')
                    GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (minute, status) DO UPDATE SET count = a.count + EXCLUDED.count),
                reasons AS (
                    INSERT INTO notification_failure_reasons AS f (hour, reason, count)
                    SELECT date_trunc('hour', now()), left(COALESCE(status_reason, ''), 200), count(*)
                    FROM %3$s WHERE status IN ('%1$s', '%2$s')
                    GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (hour, reason) DO UPDATE SET count = f.count + EXCLUDED.count)""".formatted(
                        MessageStatus.temporary_failure,
                        MessageStatus.permanent_failure,
                        source,
                        MessageStatus.sent,
                        MessageStatus.inhibited);
    }

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
     *
     * <p>Messages of one recipient of one event share their payload (the method's and the inbox's): it is sent and
     * parsed once, and its targets read once. Sent once per message, the payload was the largest part of the
     * statement's parameters, and its parsing a tenth of the statement's time with the inbox on.
     */
    public List<Enqueued> enqueue(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        // Each payload once, in order of first use; siblings share the very string (Enqueuer serialises it once).
        var payloads = new IdentityHashMap<String, Integer>();
        var payloadAt = messages.stream()
                .map(message -> payloads.computeIfAbsent(message.payloadJson(), json -> payloads.size() + 1))
                .toArray(Integer[]::new);
        var distinctPayloads = new String[payloads.size()];
        payloads.forEach((json, at) -> distinctPayloads[at - 1] = json);
        @SuppressWarnings("unchecked")
        List<Enqueued> outcomes = entityManager
                .createNativeQuery("""
                        WITH payload AS (
                            SELECT d.position, d.payload,
                                   ARRAY(SELECT CAST(jsonb_array_elements_text(d.payload -> 'targets') AS uuid)) AS targets
                            FROM unnest(CAST(?6 AS jsonb[])) WITH ORDINALITY AS d (payload, position)),
                        candidate AS (
                            SELECT n.position, n.id, n.template_id, n.user_id, n.method, n.created_by, d.payload,
                                   d.targets,
                                   CASE WHEN n.dedupe_key IS NOT NULL THEN encode(sha256(convert_to(
                                       n.dedupe_key || '/' || CAST(timezone('UTC', now()) AS date), 'UTF8')), 'hex') END
                                       AS dedupe_hash,
                                   COALESCE(p.disabled, NOT t.enabled_by_default) AS disabled
                            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]),
                                        CAST(?5 AS text[]), CAST(?7 AS integer[]), CAST(?8 AS text[])) WITH ORDINALITY
                                AS n (id, template_id, user_id, method, created_by, payload_at, dedupe_key, position)
                            JOIN payload d ON d.position = n.payload_at
                            JOIN notification_templates t ON t.id = n.template_id
                            LEFT JOIN notification_preferences p
                                ON p.user_id = n.user_id AND p.notification_template_id = n.template_id),
                        stored AS (
                            INSERT INTO notification_messages
                                (id, notification_template_id, user_id, method, created_by, payload, targets, dedupe_hash)
                            SELECT id, template_id, user_id, method, created_by, payload, targets, dedupe_hash
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
                .setParameter(6, distinctPayloads)
                .setParameter(7, payloadAt)
                .setParameter(8, column(messages, NewMessage::dedupeKey))
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
        return write(RECORD, results, maxAttempts, retryInterval);
    }

    /**
     * Takes up to {@code count} sendable inbox messages for the inbox lane (see {@link #TAKE_INBOX}), locked until the
     * current transaction ends, in a transaction planned by {@link #LEASE_PLANNER}; nothing while paused.
     */
    @SuppressWarnings("unchecked")
    public List<LeasedMessage> takeInbox(int count, int maxAttempts) {
        entityManager.createNativeQuery(LEASE_PLANNER).getSingleResult();
        return entityManager
                .createNativeQuery(TAKE_INBOX, NotificationMessage.LEASED)
                .setParameter(1, count)
                .setParameter(2, maxAttempts)
                .getResultList();
    }

    /** The inbox message {@code id}, taken as {@link #takeInbox} takes messages; empty if it is not sendable now. */
    @SuppressWarnings("unchecked")
    public List<LeasedMessage> takeInboxMessage(UUID id, int maxAttempts) {
        return entityManager
                .createNativeQuery(TAKE_INBOX_MESSAGE, NotificationMessage.LEASED)
                .setParameter(1, id)
                .setParameter(2, maxAttempts)
                .getResultList();
    }

    /**
     * Writes the results of messages taken by {@link #takeInbox} in the same transaction, with their activity counts
     * (see {@link #RECORD_TAKEN}); answers how many were written.
     */
    public int recordTaken(List<Result> results, int maxAttempts, Duration retryInterval) {
        return write(RECORD_TAKEN, results, maxAttempts, retryInterval);
    }

    private int write(String statement, List<Result> results, int maxAttempts, Duration retryInterval) {
        if (results.isEmpty()) {
            return 0;
        }
        entityManager.createNativeQuery(RECORD_PLANNER).getSingleResult();
        var transitions = results.stream()
                .map(result -> Transition.after(result, maxAttempts))
                .toList();
        var written = (Number) entityManager
                .createNativeQuery(statement)
                .setParameter(1, column(results, result -> result.messageId().toString()))
                .setParameter(2, column(results, result -> Objects.toString(result.lease(), null)))
                .setParameter(3, transitions.stream().map(t -> t.to().name()).toArray(String[]::new))
                .setParameter(
                        4,
                        transitions.stream().map(t -> t.usesAttempt() ? 1 : 0).toArray(Integer[]::new))
                .setParameter(5, column(results, Result::reason))
                .setParameter(6, retryInterval.toMillis())
                .getSingleResult();
        return written.intValue();
    }

    /**
     * Inhibits the user's waiting messages of the template, once they turned it off, and counts them in this minute's
     * activity. A message being dispatched right now is left to its notifier, which reads the choice with the lease
     * and inhibits it itself. Native: the update and its count are one statement, as in {@link #RECORD}.
     */
    public int inhibitQueued(UUID userId, UUID templateId) {
        var inhibited = (Number) entityManager
                .createNativeQuery("""
                        WITH inhibited AS (
                            UPDATE notification_messages
                            SET status = '%1$s', status_reason = ?3, next_retry_after = NULL, updated_at = now()
                            WHERE user_id = ?1 AND notification_template_id = ?2 AND status IN ('%2$s', '%3$s')
                            RETURNING status, status_reason),
                        %4$s
                        SELECT count(*) FROM inhibited""".formatted(
                                Transition.INHIBIT.to(),
                                MessageStatus.pending,
                                MessageStatus.temporary_failure,
                                countActivity("inhibited")))
                .setParameter(1, userId)
                .setParameter(2, templateId)
                .setParameter(3, Transition.DISABLED_BY_USER)
                .getSingleResult();
        return inhibited.intValue();
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

    /**
     * A page of messages, newest first on {@code (created_at, id)} (see {@link MessageQuery}). Native for the row
     * comparison of the keyset, which walks notification_messages_created_idx backwards from the cursor (or the
     * user's index) and stops after one page, however many messages are older (planned as the overview's statements
     * are, {@link ActivityStore#OVERVIEW_PLANNER}); the views are then read by id.
     */
    public List<MessageView> page(MessageQuery query) {
        entityManager.createNativeQuery(ActivityStore.OVERVIEW_PLANNER).getSingleResult();
        var statement = pageStatement(query);
        var select = entityManager.createNativeQuery(statement.sql());
        var parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        var ids = ((List<?>) select.getResultList())
                .stream()
                        .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                        .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var views = entityManager
                .createQuery(VIEW + " AND m.id IN :ids", MessageView.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(MessageView::id, Function.identity()));
        return ids.stream().map(views::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The ids statement of {@link #page}: its SQL and its parameters, in order. */
    public record PageStatement(String sql, List<Object> parameters) {}

    public static PageStatement pageStatement(MessageQuery query) {
        var sql = new StringBuilder("SELECT m.id FROM notification_messages m WHERE true");
        var parameters = new java.util.ArrayList<Object>();
        query.status().ifPresent(status -> condition(sql, parameters, "m.status = ?", status.name()));
        if (query.status().isEmpty() && query.failed()) {
            sql.append(" AND m.status IN ('temporary_failure', 'permanent_failure')");
        }
        query.userId().ifPresent(user -> condition(sql, parameters, "m.user_id = ?", user));
        query.templateId()
                .ifPresent(template -> condition(sql, parameters, "m.notification_template_id = ?", template));
        query.reason().ifPresent(reason -> condition(sql, parameters, "left(m.status_reason, 200) = ?", reason));
        query.from().ifPresent(from -> condition(sql, parameters, "m.created_at >= ?", java.sql.Timestamp.from(from)));
        query.to().ifPresent(to -> condition(sql, parameters, "m.created_at < ?", java.sql.Timestamp.from(to)));
        query.before().ifPresent(cursor -> {
            parameters.add(java.sql.Timestamp.from(cursor.createdAt()));
            parameters.add(cursor.id());
            sql.append(" AND (m.created_at, m.id) < (?")
                    .append(parameters.size() - 1)
                    .append(", ?")
                    .append(parameters.size())
                    .append(')');
        });
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT ").append(query.limit());
        return new PageStatement(sql.toString(), parameters);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        parameters.add(value);
        sql.append(" AND ").append(condition.replace("?", "?" + parameters.size()));
    }

    /** A message's stored payload as JSON, and how long it waited before its first lease (null until then). */
    public record Stored(String payloadJson, Double queuedSeconds) {}

    public Optional<Stored> stored(UUID id) {
        // Native: the jsonb payload as the text PostgreSQL keeps.
        List<?> rows = entityManager
                .createNativeQuery("SELECT payload::text, queued_seconds FROM notification_messages WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            var columns = (Object[]) row;
            return new Stored((String) columns[0], columns[1] == null ? null : ((Number) columns[1]).doubleValue());
        });
    }

    /**
     * Puts a permanently failed message back in the queue for one more attempt (its attempts are lowered to one
     * below the limit if it had used them all); answers whether it was still a permanent failure. Native, for the
     * conditional update of one row by its key.
     */
    public boolean sendAgain(UUID id, int maxAttempts) {
        return entityManager
                        .createNativeQuery("""
                                UPDATE notification_messages
                                SET status = 'pending', attempt_count = LEAST(attempt_count, ?2 - 1), status_reason = NULL,
                                    next_retry_after = NULL, leased_until = NULL, lease_token = NULL, updated_at = now()
                                WHERE id = ?1 AND status = 'permanent_failure'""")
                        .setParameter(1, id)
                        .setParameter(2, maxAttempts)
                        .executeUpdate()
                == 1;
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
