-- One lease in a transaction that is rolled back, so that nothing stays leased. The kill switch is released
-- inside this transaction only: bench/run keeps the notifier paused, and the lease's
-- "NOT (SELECT notifier_paused ...)" would otherwise cut the whole plan short and measure nothing.
BEGIN;
UPDATE notification_settings SET notifier_paused = false;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE lease('bench', 20, 5, 120000);
ROLLBACK;
\echo ----
