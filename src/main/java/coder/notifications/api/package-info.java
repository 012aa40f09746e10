/**
 * The REST boundary: the application class that roots every resource under {@code /api/v2}, the one JSON error
 * shape of the API, and the exception mappers that turn typed failures into it.
 */
package coder.notifications.api;
