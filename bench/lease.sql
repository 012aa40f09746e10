-- MessageStore.LEASE (src/main/java/coder/notifications/messages/MessageStore.java) as PostgreSQL runs it:
-- ?1..?4 are $1..$4 (notifier id, count, attempt limit, lease period in ms; PgJDBC sends text, int4, int4, int8),
-- and the status words are what the Java .formatted(...) puts in: %1$s = the sorted literals of
-- Transition.LEASE.from(), %2$s = pending, %3$s = temporary_failure, %4$s = leased.
-- Written out by hand; bench/run warns when it no longer matches the Java text.
PREPARE lease(text, int, int, bigint) AS
WITH leasable AS (
    SELECT id FROM notification_messages
    WHERE status IN ('pending', 'leased', 'temporary_failure')
      AND (status = 'pending'
           OR (status = 'temporary_failure' AND next_retry_after <= now())
           OR (status = 'leased' AND leased_until <= now()))
      AND attempt_count < $3
      AND NOT (SELECT notifier_paused FROM notification_settings)
    ORDER BY created_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
UPDATE notification_messages m
SET status = 'leased', leased_until = now() + $4 * interval '1 millisecond', lease_token = gen_random_uuid(),
    status_reason = 'Leased by notifier ' || $1, updated_at = now(),
    queued_seconds = COALESCE(m.queued_seconds, EXTRACT(EPOCH FROM now() - m.created_at))
WHERE m.id = ANY (ARRAY(SELECT id FROM leasable))
RETURNING m.id, m.notification_template_id, m.user_id, m.method, m.payload::text AS payload, m.attempt_count,
    COALESCE((SELECT p.disabled FROM notification_preferences p
              WHERE p.user_id = m.user_id AND p.notification_template_id = m.notification_template_id),
             NOT (SELECT t.enabled_by_default FROM notification_templates t
                  WHERE t.id = m.notification_template_id)) AS disabled,
    m.queued_seconds, m.lease_token;
