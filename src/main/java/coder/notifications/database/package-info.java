/**
 * The database: where the connection comes from (an external PostgreSQL named by {@code CODER_PG_CONNECTION_URL},
 * or the built-in one kept in the cache directory), and the versioned migrations that are the only source of
 * the schema. Every other package reaches PostgreSQL through the data source defined here.
 */
package coder.notifications.database;
