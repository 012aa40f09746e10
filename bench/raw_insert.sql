-- Row b: the database's own ceiling for storing messages. ONE INSERT ... SELECT of :rows messages shaped like
-- the service's: the payload is a real stored one (:'probe', queued through the API) with the user fields and
-- the labels of each row put in, the targets column derived from the payload and a 64-hex-digit dedupe hash, as
-- MessageStore.enqueue does (same columns, same ON CONFLICT), only fed by generate_series instead of unnest.
-- psql -v probe=<message id> -v rows=<n>; prints "Time: <ms> ms" for the INSERT alone.
\set ON_ERROR_STOP 1
CREATE TEMP TABLE bench_users AS
    SELECT (row_number() OVER (ORDER BY id)) - 1 AS i, id, email, name, username FROM users;
SELECT count(*) AS nusers FROM bench_users \gset
CREATE TEMP TABLE probe AS
    SELECT notification_template_id, method, created_by, payload FROM notification_messages WHERE id = :'probe';
\timing on
INSERT INTO notification_messages
    (id, notification_template_id, user_id, method, created_by, payload, targets, dedupe_hash)
SELECT gen_random_uuid(), p.notification_template_id, u.id, p.method, p.created_by, x.payload,
       ARRAY(SELECT CAST(jsonb_array_elements_text(x.payload -> 'targets') AS uuid)),
       encode(sha256(convert_to('raw-' || n, 'UTF8')), 'hex')
FROM generate_series(1, :rows) AS n
CROSS JOIN probe p
JOIN bench_users u ON u.i = n % :nusers
CROSS JOIN LATERAL (SELECT p.payload || jsonb_build_object(
        'user_id', u.id, 'user_email', u.email, 'user_name', u.name, 'user_username', u.username,
        'labels', jsonb_build_object('name', 'raw-' || n, 'reason', 'benchmark run', 'initiator', 'bench'))
    AS payload) x
ON CONFLICT (dedupe_hash) DO NOTHING;
\timing off
