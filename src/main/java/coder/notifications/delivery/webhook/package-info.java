/**
 * Webhook delivery: the JSON document of SPEC section 7.2, posted with the JAX-RS client to
 * {@code CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT}; bounded in time and in what it reads back.
 */
package coder.notifications.delivery.webhook;
