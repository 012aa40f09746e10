package coder.notifications.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console's overview reads: the notifiers' activity counters ({@code notification_activity}, written with
 * the results by {@link MessageStore}) and the head of the queue. Every statement is bounded whatever the table holds:
 * the counters are at most 8 days of minutes (four rows each) and hours of failure reasons, and the queue is counted
 * up to a cap through the heads of its two leasable indexes, whose first entries are its oldest messages. Native: date_trunc, generate_series and FILTER are PostgreSQL's.
 */
@ApplicationScoped
@Transactional
public class ActivityStore {

    /** The outcomes of some period, each counted once, when it was recorded. */
    public record Counts(long sent, long temporaryFailures, long permanentFailures, long inhibited) {

        public long failures() {
            return temporaryFailures + permanentFailures;
        }
    }

    /** The outcomes of one minute or one hour, from {@code start}. */
    public record Bucket(Instant start, Counts counts) {}

    /** A failure reason (its first 200 characters) and how often messages failed with it. */
    public record Reason(String reason, long count) {}

    /**
     * The queue now: messages waiting to be sent (pending, or failed and waiting for their retry) counted up to
     * {@code cap} ({@code capped} when there are more), those being sent right now, and when the oldest waiting
     * message was created.
     */
    public record Queue(long waiting, boolean capped, long sending, Optional<Instant> oldestWaiting) {}

    /**
     * The planner settings of every overview statement ({@code SET LOCAL}, as {@link MessageStore#LEASE_PLANNER}, and
     * for the same reason): the counters and the queue swing from empty to hundreds of thousands of rows faster than
     * any ANALYZE, and statistics taken when they were empty must not turn a bounded index range into a scan of the
     * table.
     */
    public static final String OVERVIEW_PLANNER = """
            SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
                   set_config('jit', 'off', true)""";

    /** The four outcome counts of a group of counters {@code a}. */
    public static final String OUTCOMES = """
            COALESCE(sum(a.count) FILTER (WHERE a.status = 'sent'), 0),
            COALESCE(sum(a.count) FILTER (WHERE a.status = 'temporary_failure'), 0),
            COALESCE(sum(a.count) FILTER (WHERE a.status = 'permanent_failure'), 0),
            COALESCE(sum(a.count) FILTER (WHERE a.status = 'inhibited'), 0)""";

    /** The outcomes of the last 24 hours. */
    public static final String LAST_DAY = "SELECT " + OUTCOMES + """

            FROM notification_activity a
            WHERE a.minute > date_trunc('minute', now() - interval '24 hours')""";

    /**
     * The outcomes of the last {@code ?1} minutes or hours ({@code %1$s}), one row per bucket, the current one last:
     * each bucket is one range of the primary key (minute first), a nested loop of index range scans.
     */
    public static final String BUCKETS = """
            SELECT b.start, %2$s
            FROM generate_series(date_trunc('%1$s', now()) - (?1 - 1) * interval '1 %1$s',
                                 date_trunc('%1$s', now()), interval '1 %1$s') AS b (start)
            LEFT JOIN notification_activity a
                ON a.minute >= b.start AND a.minute < b.start + interval '1 %1$s'
            GROUP BY b.start ORDER BY b.start""";

    /** The {@code ?1} most frequent failure reasons of the last 24 hours (and the current hour). */
    public static final String TOP_REASONS = """
            SELECT f.reason, sum(f.count) AS n FROM notification_failure_reasons f
            WHERE f.hour >= date_trunc('hour', now() - interval '24 hours')
            GROUP BY f.reason ORDER BY n DESC, f.reason LIMIT ?1""";

    /**
     * The queue now, from one walk of the head of each of its two indexes: the oldest {@code ?1} rows of
     * notification_messages_leasable_idx (email and webhook messages) and of notification_messages_inbox_leasable_idx
     * (inbox messages). Their predicates are this statement's, so each walk is its index in created_at order and
     * stops at the LIMIT however large the backlog. Waiting (pending, or failed and waiting for a retry) and being sent
     * (leased) are counted within them, and the oldest waiting message is the first of one of them. A message being
     * sent is always near the head: the lease takes the oldest first, so only messages waiting for a retry can be
     * older; inbox messages are never leased (the inbox lane delivers them within a transaction). Run after
     * {@link #OVERVIEW_PLANNER}.
     */
    public static final String QUEUE = """
            SELECT count(*) FILTER (WHERE head.status IN ('pending', 'temporary_failure')),
                   count(*) FILTER (WHERE head.status = 'leased'),
                   min(head.created_at) FILTER (WHERE head.status IN ('pending', 'temporary_failure')),
                   count(*)
            FROM ((SELECT status, created_at FROM notification_messages
                   WHERE status IN ('leased', 'pending', 'temporary_failure') AND method <> 'inbox'
                   ORDER BY created_at LIMIT ?1)
                  UNION ALL
                  (SELECT status, created_at FROM notification_messages
                   WHERE status IN ('leased', 'pending', 'temporary_failure') AND method = 'inbox'
                   ORDER BY created_at LIMIT ?1)) head""";

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /** The outcomes recorded in the last 24 hours. */
    public Counts lastDay() {
        var row = (Object[]) planned().createNativeQuery(LAST_DAY).getSingleResult();
        return counts(row, 0);
    }

    /** The last {@code minutes} minutes, the current one last; every minute present, with zeros where nothing happened. */
    public List<Bucket> perMinute(int minutes) {
        return buckets("minute", minutes);
    }

    /** The last {@code hours} hours, the current one last. */
    public List<Bucket> perHour(int hours) {
        return buckets("hour", hours);
    }

    private List<Bucket> buckets(String unit, int count) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = planned()
                .createNativeQuery(BUCKETS.formatted(unit, OUTCOMES))
                .setParameter(1, count)
                .getResultList();
        return rows.stream()
                .map(row -> new Bucket(instant(row[0]), counts(row, 1)))
                .toList();
    }

    /** The most frequent failure reasons (temporary and permanent) of the last 24 hours, most frequent first. */
    public List<Reason> topFailureReasons(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                planned().createNativeQuery(TOP_REASONS).setParameter(1, limit).getResultList();
        return rows.stream()
                .map(row -> new Reason((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    /** The queue now, waiting messages counted up to {@code cap}. */
    public Queue queue(int cap) {
        planned();
        var row = (Object[])
                entityManager.createNativeQuery(QUEUE).setParameter(1, cap + 1).getSingleResult();
        // More than cap rows in the heads: there may be more waiting than counted (if neither walk reached its
        // limit, together they counted every waiting message).
        var capped = ((Number) row[3]).longValue() > cap;
        return new Queue(
                Math.min(((Number) row[0]).longValue(), cap),
                capped,
                ((Number) row[1]).longValue(),
                Optional.ofNullable(row[2]).map(ActivityStore::instant));
    }

    /** Deletes the counters and failure reasons older than 8 days; answers how many rows. */
    public int purge() {
        return entityManager
                        .createNativeQuery("DELETE FROM notification_activity WHERE minute < now() - interval '8 days'")
                        .executeUpdate()
                + entityManager
                        .createNativeQuery(
                                "DELETE FROM notification_failure_reasons WHERE hour < now() - interval '8 days'")
                        .executeUpdate();
    }

    /** The entity manager, once this transaction's statements are planned by {@link #OVERVIEW_PLANNER}. */
    private EntityManager planned() {
        entityManager.createNativeQuery(OVERVIEW_PLANNER).getSingleResult();
        return entityManager;
    }

    private static Counts counts(Object[] row, int from) {
        return new Counts(
                ((Number) row[from]).longValue(),
                ((Number) row[from + 1]).longValue(),
                ((Number) row[from + 2]).longValue(),
                ((Number) row[from + 3]).longValue());
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
