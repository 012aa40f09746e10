package coder.notifications.lifecycle;

import coder.notifications.config.DeploymentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notifier's log. Every line contains "notifications"; the debug lines (each lease, send and result with
 * its message id) reach the console when {@code CODER_VERBOSE=true}, and the trace otherwise.
 */
@ApplicationScoped
public class NotifierLog {

    private static final Logger LOG = Logger.getLogger("coder.notifications.dispatch");

    @Inject
    DeploymentSettings deployment;

    private final java.util.Map<String, long[]> troubles = new java.util.concurrent.ConcurrentHashMap<>();

    public void debug(String message) {
        LOG.log(deployment.verbose() ? Level.INFO : Level.FINE, () -> "notifications: debug: " + message);
    }

    public void info(String message) {
        write(Level.INFO, "notifications: " + message, null);
    }

    /**
     * From now on lines go to standard output as well: as the application stops, Liberty no longer passes its
     * java.util.logging records on, but still copies standard output into its log.
     */
    public void stopping() {
        stopping = true;
    }

    private volatile boolean stopping;

    private void write(Level level, String line, Throwable error) {
        if (stopping) {
            System.out.println(line);
        } else {
            LOG.log(level, line, error);
        }
    }

    /** A failed send: at WARNING whatever CODER_VERBOSE says, so that a plain grep of the log finds every failure. */
    public void failed(String message) {
        write(Level.WARNING, "notifications: " + message, null);
    }

    /**
     * A recurring task failed: the first failure is a WARNING, repeats of it at most one line a minute (counted),
     * so an outage of the database does not flood the log.
     */
    public void trouble(String what, Throwable error) {
        var now = System.nanoTime();
        var state = troubles.computeIfAbsent(what, key -> new long[] {0, Long.MIN_VALUE});
        synchronized (state) {
            state[0]++;
            if (state[1] == Long.MIN_VALUE || now - state[1] >= java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
                write(
                        Level.WARNING,
                        "notifications: could not " + what + " (" + state[0] + " time" + (state[0] == 1 ? "" : "s")
                                + " so far; trying again): " + error,
                        deployment.verbose() ? error : null);
                state[1] = now;
            }
        }
    }

    /** A recurring task that failed works again. */
    public void recovered(String what) {
        var state = troubles.remove(what);
        if (state != null) {
            write(Level.INFO, "notifications: " + what + " works again after " + state[0] + " failed tries", null);
        }
    }

    public void warning(String message, Throwable error) {
        write(Level.WARNING, "notifications: " + message + ": " + error, deployment.verbose() ? error : null);
    }
}
