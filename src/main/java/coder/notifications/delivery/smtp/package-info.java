/**
 * Email delivery over SMTP with Jakarta Mail (Angus Mail): the session built from every {@code CODER_EMAIL_*}
 * setting (implicit TLS, required STARTTLS, private CAs, client certificates, AUTH PLAIN or LOGIN), the
 * {@code multipart/alternative} message, connections reused across a batch, and failures classified as
 * retryable or permanent with the server's own reply as the reason.
 */
package coder.notifications.delivery.smtp;
