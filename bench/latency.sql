-- Row f: enqueue-to-delivery delay of every webhook message of the paced run (labels.name starting with :'prefix';
-- the inbox's messages of the same events never reach the sink):
-- nginx's $msec of its first delivery (by X-Message-Id) minus notification_messages.created_at (the enqueue
-- transaction's start), both by this machine's clock.
-- psql -v prefix=f- -f bench/latency.sql < <file of "msec message-id" lines>  (\copy cannot take a variable)
\set ON_ERROR_STOP 1
CREATE TEMP TABLE hook_log (msec numeric, id text);
\copy hook_log FROM pstdin WITH (FORMAT text, DELIMITER ' ')
WITH delivered AS (
    SELECT id::uuid AS id, min(msec) AS msec FROM hook_log GROUP BY id),
run AS (
    SELECT m.id, (d.msec - EXTRACT(EPOCH FROM m.created_at)) * 1000 AS ms
    FROM notification_messages m LEFT JOIN delivered d ON d.id = m.id
    WHERE m.payload -> 'labels' ->> 'name' LIKE :'prefix' || '%' AND m.method <> 'inbox')
SELECT count(*) AS queued, count(ms) AS delivered,
       round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS numeric), 1) AS p50_ms,
       round(CAST(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS numeric), 1) AS p99_ms,
       round(max(ms), 1) AS max_ms
FROM run;
