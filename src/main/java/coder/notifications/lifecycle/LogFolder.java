package coder.notifications.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Makes the server's log folder (Liberty's {@code server.logs.dir}: {@code logs} in the server's output folder, or
 * {@code LOG_DIR}) readable by the service's own user only: folder 0700, its files 0600. In evaluation mode
 * {@code messages.log} holds the owner's sign-in link, and the server creates it 0644. Runs at start-up, before
 * the link is logged; files the server creates later (rolled logs, FFDC) are inside the closed folder.
 */
final class LogFolder {

    private static final Logger LOG = Logger.getLogger(LogFolder.class.getName());

    private LogFolder() {}

    static void protect() {
        var folder = System.getProperty("server.logs.dir");
        if (folder == null) {
            return;
        }
        try {
            var logs = Path.of(folder);
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.list(logs)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning("notifications: cannot make the log folder " + folder + " private to this user: " + e);
        }
    }
}
