-- The schema of the notification service. Statuses, roles and methods are text with CHECK constraints rather
-- than enum types, so a later migration can add a value inside a transaction.

CREATE TABLE users (
    id         uuid        PRIMARY KEY,
    username   text        NOT NULL CHECK (username <> ''),
    name       text        NOT NULL DEFAULT '',
    email      text        NOT NULL DEFAULT '',
    roles      text[]      NOT NULL DEFAULT '{}'
        CHECK (roles <@ ARRAY['owner', 'user-admin', 'template-admin', 'auditor', 'member']),
    status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'dormant')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- Usernames are unique regardless of case, as in Coder.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
-- Audience rules select users by role (roles && ARRAY['owner', 'user-admin']).
CREATE INDEX users_roles_idx ON users USING gin (roles);

CREATE TABLE notification_templates (
    id                 uuid    PRIMARY KEY,
    name               text    NOT NULL UNIQUE,
    title_template     text    NOT NULL,
    body_template      text    NOT NULL,
    actions            jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(actions) = 'array'),
    "group"            text    NOT NULL,
    method             text    CHECK (method IN ('smtp', 'webhook')),
    kind               text    NOT NULL DEFAULT 'system' CHECK (kind IN ('system', 'custom')),
    enabled_by_default boolean NOT NULL DEFAULT true,
    audience           text    NOT NULL CHECK (audience IN ('subject', 'admins', 'template-admins'))
);

CREATE TABLE notification_messages (
    id                       uuid             PRIMARY KEY,
    notification_template_id uuid             NOT NULL REFERENCES notification_templates (id) ON DELETE CASCADE,
    user_id                  uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method                   text             NOT NULL CHECK (method IN ('smtp', 'webhook')),
    status                   text             NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'leased', 'sent', 'temporary_failure', 'permanent_failure', 'inhibited')),
    status_reason            text,
    created_by               text             NOT NULL,
    payload                  jsonb            NOT NULL,
    attempt_count            integer          NOT NULL DEFAULT 0,
    targets                  uuid[]           NOT NULL DEFAULT '{}',
    created_at               timestamptz      NOT NULL DEFAULT now(),
    updated_at               timestamptz      NOT NULL DEFAULT now(),
    leased_until             timestamptz,
    next_retry_after         timestamptz,
    queued_seconds           double precision,
    dedupe_hash              text             UNIQUE
);
-- The lease scans only rows that may still be sent, oldest first; delivered and failed rows stay out of it.
CREATE INDEX notification_messages_leasable_idx ON notification_messages (created_at)
    WHERE status IN ('pending', 'leased', 'temporary_failure');
CREATE INDEX notification_messages_user_idx ON notification_messages (user_id, created_at);
CREATE INDEX notification_messages_template_idx ON notification_messages (notification_template_id, created_at);
-- The retention purge deletes by last change.
CREATE INDEX notification_messages_updated_idx ON notification_messages (updated_at);

CREATE TABLE notification_preferences (
    user_id                  uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notification_template_id uuid        NOT NULL REFERENCES notification_templates (id) ON DELETE CASCADE,
    disabled                 boolean     NOT NULL DEFAULT false,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, notification_template_id)
);

-- Site-wide notifier settings: exactly one row.
CREATE TABLE notification_settings (
    id              boolean     PRIMARY KEY DEFAULT true CHECK (id),
    notifier_paused boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO notification_settings DEFAULT VALUES;
