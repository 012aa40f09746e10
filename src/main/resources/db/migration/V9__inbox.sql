-- The inbox (SPEC section 12): every recipient of an event also gets an item inside the product, delivered through
-- the queue as a message of method 'inbox'.
ALTER TABLE notification_messages DROP CONSTRAINT notification_messages_method_check;
ALTER TABLE notification_messages ADD CONSTRAINT notification_messages_method_check
    CHECK (method IN ('smtp', 'webhook', 'inbox'));
ALTER TABLE notification_templates DROP CONSTRAINT notification_templates_method_check;
ALTER TABLE notification_templates ADD CONSTRAINT notification_templates_method_check
    CHECK (method IN ('smtp', 'webhook', 'inbox'));

-- An item's id is the id of the inbox message that delivered it: a redelivery after an expired lease inserts the
-- same id again, and ON CONFLICT DO NOTHING keeps a single item.
CREATE TABLE inbox_notifications (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    template_id uuid        NOT NULL REFERENCES notification_templates (id) ON DELETE CASCADE,
    targets     uuid[]      NOT NULL DEFAULT '{}',
    title       text        NOT NULL,
    content     text        NOT NULL,
    -- Empty when stored: the API answers the default icon of the template's group.
    icon        text        NOT NULL DEFAULT '',
    actions     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(actions) = 'array'),
    read_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- The unread count and mark-all-as-read.
CREATE INDEX inbox_notifications_user_read_idx ON inbox_notifications (user_id, read_at);
-- A page of a user's inbox, newest first (id breaks ties between items of the same instant).
CREATE INDEX inbox_notifications_user_created_idx ON inbox_notifications (user_id, created_at, id);
-- The retention purge.
CREATE INDEX inbox_notifications_created_idx ON inbox_notifications (created_at);
