/**
 * Enqueue: an event reported over REST becomes one pending message per recipient. Recipients come from the
 * template's audience or the event's explicit list; opted-out recipients and identical events of the same day
 * are skipped, and the answer says so.
 */
package coder.notifications.enqueue;
