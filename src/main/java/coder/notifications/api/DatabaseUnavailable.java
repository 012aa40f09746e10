package coder.notifications.api;

import java.sql.SQLException;

/**
 * Whether a failure means the database cannot be reached right now (connection refused or lost, the server
 * shutting down or starting, too many connections), as opposed to a fault of the request or of the service.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    public static boolean causes(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P02")
                            || sql.getSQLState().equals("57P03")
                            || sql.getSQLState().equals("53300"))) {
                return true;
            }
            // The connection pool's own failures (a JCA ResourceException) are matched by name: the JCA API is not
            // visible to the application.
            if (cause instanceof java.net.ConnectException
                    || cause.getClass().getSimpleName().startsWith("Resource")
                            && cause.getClass().getSimpleName().endsWith("Exception")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null && causes(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
