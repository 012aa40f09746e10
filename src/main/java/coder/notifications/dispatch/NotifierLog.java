package coder.notifications.dispatch;

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

    public void debug(String message) {
        LOG.log(deployment.verbose() ? Level.INFO : Level.FINE, () -> "notifications: debug: " + message);
    }

    public void info(String message) {
        LOG.info("notifications: " + message);
    }

    /** A failed send: at WARNING whatever CODER_VERBOSE says, so that a plain grep of the log finds every failure. */
    public void failed(String message) {
        LOG.warning("notifications: " + message);
    }

    public void warning(String message, Throwable error) {
        LOG.log(Level.WARNING, "notifications: " + message + ": " + error, deployment.verbose() ? error : null);
    }
}
