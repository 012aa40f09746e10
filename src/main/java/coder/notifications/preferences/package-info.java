/**
 * Preferences: which templates each user has disabled (or, for a template that is off by default, enabled).
 * They are checked when a message is enqueued and again when it is dispatched.
 */
package coder.notifications.preferences;
