-- What the notifiers did, minute by minute: the console's overview (how many were sent, failed or inhibited in the
-- last hour, day and week) reads these counters instead of counting messages, so its cost does not grow with the
-- queue or the traffic: at most four rows a minute. They are written by the statements that record results
-- (messages/MessageStore), in the same statement as the messages themselves, so a count never disagrees with the
-- rows it counts and a result dropped by the lease fence counts nothing. Kept 8 days by the retention pass.
CREATE TABLE notification_activity (
    minute timestamptz NOT NULL,
    status text        NOT NULL CHECK (status IN ('sent', 'temporary_failure', 'permanent_failure', 'inhibited')),
    count  bigint      NOT NULL CHECK (count > 0),
    PRIMARY KEY (minute, status)
);

-- Why messages failed (temporary and permanent), hour by hour: the overview's most frequent reasons. A reason is
-- counted under its first 200 characters (the rest is detail that would split one cause into many rows), and by the
-- hour, so that a day of a failing receiver is a few rows per distinct answer rather than one per minute.
CREATE TABLE notification_failure_reasons (
    hour   timestamptz NOT NULL,
    reason text        NOT NULL,
    count  bigint      NOT NULL CHECK (count > 0),
    PRIMARY KEY (hour, reason)
);

-- The Messages tab pages newest first on (created_at, id), with or without a time range, whatever the table holds.
CREATE INDEX notification_messages_created_idx ON notification_messages (created_at, id);

-- An owner's "send again" of a permanently failed message is audited like every other change.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_resource_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_resource_type_check
    CHECK (resource_type IN ('notifications_settings', 'notification_template', 'notification_preference',
                             'notification_message'));
