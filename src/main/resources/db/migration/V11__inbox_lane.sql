-- Inbox messages are delivered by a lane of their own (dispatch/InboxLane): locked, stored as items and marked sent
-- in one transaction, without a lease. The queue's partial index is split by that line, so that each walk sees only
-- its own messages: the lease never steps over waiting inbox messages, nor the lane over waiting webhooks or emails,
-- whatever the backlog of the other holds. Both keep the predicate of the former index (the states a message can
-- still be sent from).
DROP INDEX notification_messages_leasable_idx;
CREATE INDEX notification_messages_leasable_idx ON notification_messages (created_at)
    WHERE status IN ('pending', 'leased', 'temporary_failure') AND method <> 'inbox';
CREATE INDEX notification_messages_inbox_leasable_idx ON notification_messages (created_at)
    WHERE status IN ('pending', 'leased', 'temporary_failure') AND method = 'inbox';
