-- Row g, setup: :rows pending messages in ONE INSERT ... SELECT, oldest first, for one real user and template
-- (foreign keys). The payload is kept tiny: the lease's plan and cost depend on the indexes and the number of
-- leasable rows, and a realistic payload would make this load ~1 GB of heap and WAL for nothing.
\set ON_ERROR_STOP 1
INSERT INTO notification_messages
    (id, notification_template_id, user_id, method, created_by, payload, status, created_at, updated_at, dedupe_hash)
SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed', u.id, 'webhook', 'bench', '{"_version": "1.1"}',
       'pending', now() - interval '1 day' + n * interval '1 millisecond', now(), 'lease-' || n
FROM generate_series(1, :rows) AS n
CROSS JOIN (SELECT id FROM users ORDER BY id LIMIT 1) u;
ANALYZE notification_messages;
