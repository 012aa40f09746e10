/**
 * Where connections go. These classes are not part of the WAR: they ship with the PostgreSQL driver and the
 * built-in database binaries as the server's {@code database} library, because Open Liberty loads a data
 * source's classes from a library. They depend on nothing but the JDK, the driver, the built-in database and the two JDK-only classes
 * {@code ConnectionUrl} and {@code CacheDirectory}, which the library carries too.
 */
package coder.notifications.database.connection;
