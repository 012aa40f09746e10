-- notification_messages is a queue: every delivered message leaves two dead row versions (pending -> leased -> sent;
-- never HOT updates, since status is in the leasable index's predicate and updated_at is indexed), and the table
-- swings from empty to hundreds of thousands of rows within seconds. PostgreSQL's defaults (vacuum and analyze
-- after 20% and 10% of the table changed) suit tables that grow slowly; for a queue they let dead index entries
-- pile up at the head of notification_messages_leasable_idx, which every lease walks. These settings only act
-- where autovacuum is on; where it is off the service vacuums the table itself (messages/MessageVacuum).
ALTER TABLE notification_messages SET (
    -- Dead rows matter in absolute numbers (each lease walks past them), not as a share of a table full of history.
    autovacuum_vacuum_scale_factor = 0,
    -- About 2,500 delivered messages.
    autovacuum_vacuum_threshold = 5000,
    -- A burst of inserts alone (a backlog building up) is vacuumed too, so its pages are all-visible early.
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000,
    -- The status distribution changes completely within minutes: analyse after every 10,000 changed rows.
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000,
    -- A hot table: let the worker finish at once rather than throttle itself.
    autovacuum_vacuum_cost_delay = 0
);
