-- Fenced results: every lease gets a token of its own, and a result is written only while the message is still
-- held by the lease it came from. A result that arrives after its lease ran out (and perhaps another replica
-- leased the message again) is dropped instead of overwriting the newer lease's outcome.
ALTER TABLE notification_messages ADD COLUMN lease_token uuid;
