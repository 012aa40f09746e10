package coder.notifications.lifecycle;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A start-up that cannot succeed stops the whole server: a replica without a valid configuration or a database
 * must not sit half-started behind a load balancer. The message names the cause (the setting, the database).
 */
final class FatalStartup {

    private static final Logger LOG = Logger.getLogger(FatalStartup.class.getName());

    private FatalStartup() {}

    static IllegalStateException stop(String message, Throwable cause) {
        LOG.log(Level.SEVERE, "notifications: " + message + " The server stops.");
        // Exit from another thread: System.exit waits for Liberty's shutdown hook, which waits for this start-up.
        var exit = new Thread(() -> System.exit(1), "notifications-fatal-startup");
        exit.setDaemon(true);
        exit.start();
        return new IllegalStateException("notifications: " + message, cause);
    }

    /** The most useful message of a chain: the one naming a setting, else the innermost. */
    static String describe(Throwable error) {
        String innermost = null;
        for (var cause = error; cause != null; cause = cause.getCause()) {
            var message = cause.getMessage();
            if (message != null && message.contains("CODER_")) {
                return message.replaceFirst("^notifications: ", "");
            }
            if (message != null) {
                innermost = cause instanceof LinkageError ? cause.getClass().getSimpleName() + ": " + message : message;
            }
        }
        return innermost == null ? error.getClass().getSimpleName() : innermost;
    }
}
