-- The pages for people: what each template is about, the key of the unsubscribe links, sessions and sign-ins.

-- One sentence per template for the preference center: what the person hears about if they leave it on.
ALTER TABLE notification_templates ADD COLUMN description text NOT NULL DEFAULT '';
UPDATE notification_templates AS t SET description = d.description FROM (VALUES
    ('f517da0b-cdc9-410f-ab89-a86107c420ed'::uuid, 'One of your workspaces was deleted, by you, by someone else or by a policy.'),
    ('2faeee0f-26cb-4e96-821c-85ccb9f71513'::uuid, 'A manual build of a workspace that uses one of your templates failed.'),
    ('381df2a9-c0c0-4749-420f-80a9280c66f9'::uuid, 'An automatic start or stop of one of your workspaces failed.'),
    ('c34a0c09-0704-4cac-bd1c-0c0146811c2b'::uuid, 'One of your workspaces was updated to a new template version on its own.'),
    ('0ea69165-ec14-4314-91f1-69566ac3c5a0'::uuid, 'One of your workspaces was unused for too long and is now dormant.'),
    ('51ce2fdf-c9ca-4be1-8d70-628674f9bc42'::uuid, 'One of your dormant workspaces is due to be deleted.'),
    ('4e19c0ac-94e1-4532-9515-d1801aa283b2'::uuid, 'Someone created a user account (for user administrators).'),
    ('f44d9314-ad03-4bc8-95d0-5cad491da6b6'::uuid, 'Someone deleted a user account (for user administrators).'),
    ('b02ddd82-4733-4d02-a2d7-c36f3598997d'::uuid, 'Someone suspended a user account (for user administrators).'),
    ('9f5af851-8408-4e73-a7a1-c6502ba46689'::uuid, 'Someone activated a user account (for user administrators).'),
    ('6a2f0609-9b69-4d36-a989-9f5925b6cbff'::uuid, 'Your own account was suspended.'),
    ('1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4'::uuid, 'Your own account was activated again.'),
    ('29a09665-2a4c-403f-9648-54301670e7be'::uuid, 'A template was deleted (for template administrators).'),
    ('c425f63e-716a-4bf4-ae24-78348f706c3f'::uuid, 'A test message an administrator sends to check that delivery works.'),
    ('39b1e189-c857-4b0c-877a-511144c18516'::uuid, 'Messages you send yourself, for example from a script.')
) AS d (id, description) WHERE t.id = d.id;

-- Keys generated once and shared by every replica; the first replica to need one inserts it.
CREATE TABLE site_keys (
    name       text        PRIMARY KEY,
    key        bytea       NOT NULL CHECK (length(key) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Signed-in people. The cookie holds a random token; only its SHA-256 is stored, so a copy of this table
-- signs nobody in. Any replica serves any request: no sticky sessions are needed.
CREATE TABLE web_sessions (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles      text[]      NOT NULL DEFAULT '{}',
    csrf_token text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at);

-- Sign-ins under way: a one-time sign-in link (evaluation mode), or an OpenID Connect login waiting for the
-- provider's answer (its state, PKCE verifier and nonce). Each is used once: it is deleted when taken.
CREATE TABLE sign_in_attempts (
    token_hash    bytea       PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('link', 'oidc')),
    user_id       uuid,
    roles         text[]      NOT NULL DEFAULT '{}',
    code_verifier text,
    nonce         text,
    return_to     text,
    expires_at    timestamptz NOT NULL,
    CHECK (kind <> 'link' OR user_id IS NOT NULL),
    CHECK (kind <> 'oidc' OR (code_verifier IS NOT NULL AND nonce IS NOT NULL))
);
CREATE INDEX sign_in_attempts_expires_idx ON sign_in_attempts (expires_at);
