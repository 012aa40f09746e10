/**
 * The in-product inbox (SPEC 12): the items delivered by messages of method {@code inbox}, the API that lists and
 * marks them for their owner, and the live stream ({@code /inbox/watch}, WebSocket or Server-Sent Events) fed on
 * every replica by PostgreSQL LISTEN/NOTIFY.
 */
package coder.notifications.inbox;
