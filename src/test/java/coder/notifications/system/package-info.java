/**
 * System tests: they start {@code target/coder-notifications.jar} as an operator would (environment variables,
 * the built-in or an external PostgreSQL) and speak to it over HTTP and SQL only. One service is shared by the
 * whole suite; tests about start-up, shutdown and replicas start their own.
 */
package coder.notifications.system;
