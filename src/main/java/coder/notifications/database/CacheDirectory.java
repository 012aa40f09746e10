package coder.notifications.database;

import java.nio.file.Path;

/**
 * {@code CODER_CACHE_DIRECTORY}: where the built-in database (and other generated state) lives. Coder keeps its
 * cache under the user's home; so does this service, in a folder of its own. JDK only, like {@link ConnectionUrl}.
 */
public final class CacheDirectory {

    private CacheDirectory() {}

    public static Path of(String configured) {
        return (configured == null || configured.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".cache", "coder-notifications")
                        : Path.of(configured.strip()))
                .toAbsolutePath();
    }
}
