-- The audit trail pages with a cursor: newest first by (time, id), id breaking the ties of one transaction's
-- entries; filtered by resource type or by actor. The preference rate limit counts an actor's recent entries.
DROP INDEX audit_log_time_idx;
DROP INDEX audit_log_type_time_idx;
CREATE INDEX audit_log_time_idx ON audit_log (time DESC, id DESC);
CREATE INDEX audit_log_type_time_idx ON audit_log (resource_type, time DESC, id DESC);
CREATE INDEX audit_log_actor_time_idx ON audit_log (actor_id, time DESC, id DESC) WHERE actor_id IS NOT NULL;
