/**
 * The user directory: the recipients the service knows, kept in sync by the systems that report events
 * ({@code PUT /api/v2/users/{id}}). Roles decide audiences; the email address is where mail goes.
 */
package coder.notifications.users;
