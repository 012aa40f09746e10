/**
 * Security: bearer tokens verified with MicroProfile JWT (the {@code groups} claim holds the roles, {@code sub}
 * the caller's user id), a 401 for requests without a caller, and the evaluation mode that generates a key
 * pair and ready-made tokens when no verification key is configured.
 */
package coder.notifications.security;
