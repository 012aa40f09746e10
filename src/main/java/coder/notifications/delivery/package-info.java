/**
 * Delivery: how one rendered message leaves the service. Each {@link coder.notifications.config.Method} is
 * a transport (SMTP email or an HTTP webhook); the notifier decides when to deliver, this package decides how.
 */
package coder.notifications.delivery;
