/**
 * The audit trail: who paused or resumed delivery, changed a template's delivery method or a user's
 * preferences (also through an unsubscribe link), when, and the values before and after; each entry is written in
 * the transaction of its change and kept 90 days.
 */
package coder.notifications.audit;
