-- One lease in a transaction that is rolled back, so that nothing stays leased. The kill switch is released
-- inside this transaction only: bench/run keeps the notifier paused, and the lease's
-- "NOT (SELECT notifier_paused ...)" would otherwise cut the whole plan short and measure nothing. The planner
-- settings are the lease transaction's own (MessageStore.LEASE_PLANNER).
BEGIN;
UPDATE notification_settings SET notifier_paused = false;
SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true),
       set_config('jit', 'off', true) \g /dev/null
EXPLAIN (ANALYZE, BUFFERS) EXECUTE lease('bench', 20, 5, 120000);
ROLLBACK;
\echo ----
