/**
 * Security of the API: bearer tokens verified before any application code runs (a Jakarta Security mechanism
 * with the MicroProfile JWT settings; the {@code groups} claim holds the roles, {@code sub} the caller's user id),
 * refusals counted and logged without content, suspended users refused, the Host check, redirects on the public
 * URL, unknown paths answered without log noise, the evaluation mode that generates a key pair and ready-made
 * tokens when no key is configured, and keys shared by every replica.
 */
package coder.notifications.security;
