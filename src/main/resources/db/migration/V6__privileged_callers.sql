-- No lock-out by a user-admin. The directory remembers every subject that has called the API with owner or notifier
-- rights, so that the rank rule protects it whether or not it has an entry yet; and each entry says which rank last
-- wrote it, so that a suspension written by a user-admin never stops such a subject (it may repair its entry).
CREATE TABLE privileged_callers (
    subject    uuid        PRIMARY KEY,
    first_seen timestamptz NOT NULL DEFAULT now()
);

-- Entries written before this column existed are left as they were: trusted as if an owner wrote them.
ALTER TABLE users ADD COLUMN written_by text NOT NULL DEFAULT 'owner'
    CHECK (written_by IN ('owner', 'notifier', 'user-admin', 'sign-in'));
