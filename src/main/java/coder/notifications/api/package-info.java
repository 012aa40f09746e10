/**
 * The REST boundary: the application class that roots every resource under {@code /api/v2}, the one JSON error
 * shape of the API, and the exception mappers that turn typed failures (refusals, which roll back their
 * transaction quietly) into it.
 */
package coder.notifications.api;
