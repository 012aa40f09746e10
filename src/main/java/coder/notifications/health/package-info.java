/**
 * Health for orchestrators: alive while the process runs, ready only while start-up has completed and the
 * database answers. Both are open to callers without credentials.
 */
package coder.notifications.health;
