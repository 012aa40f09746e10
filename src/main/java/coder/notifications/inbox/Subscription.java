package coder.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * What one watch asked for: whose inbox, which items (the filters of its query), and until when its credential
 * holds.
 */
record Subscription(UUID userId, InboxQuery query, Instant expires) {}
