/**
 * Messages: one per recipient of an event, from {@code pending} through {@code leased} to {@code sent},
 * {@code temporary_failure}, {@code permanent_failure} or {@code inhibited}. The store owns the PostgreSQL that
 * enqueues, leases ({@code FOR UPDATE SKIP LOCKED}), records results in bulk and purges; the resource shows them.
 */
package coder.notifications.messages;
