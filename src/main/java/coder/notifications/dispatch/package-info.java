/**
 * Dispatch: every replica's notifier. It decides when: it leases messages in a short transaction, delivers
 * them concurrently outside any transaction, buffers the results and writes them in bulk, wakes at once when
 * any replica enqueues (LISTEN/NOTIFY) and honours the kill switch. Other packages decide what and how.
 */
package coder.notifications.dispatch;
