-- The audit trail: every change of the kill switch, of a template's delivery method and of a user's
-- preferences (also through an unsubscribe link), written in the same transaction as the change. Kept 90 days.
CREATE TABLE audit_log (
    id            uuid        PRIMARY KEY,
    time          timestamptz NOT NULL DEFAULT now(),
    -- Who made the change: the caller's user id; null for an unsubscribe link, which names no one signed in.
    actor_id      uuid,
    action        text        NOT NULL CHECK (action IN ('write')),
    resource_type text        NOT NULL
        CHECK (resource_type IN ('notifications_settings', 'notification_template', 'notification_preference')),
    resource_id   text        NOT NULL,
    old           jsonb       NOT NULL,
    new           jsonb       NOT NULL
);
-- The API lists newest first, all or of one resource type; the purge deletes by age.
CREATE INDEX audit_log_time_idx ON audit_log (time DESC);
CREATE INDEX audit_log_type_time_idx ON audit_log (resource_type, time DESC);
