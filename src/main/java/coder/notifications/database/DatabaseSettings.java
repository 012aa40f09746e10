package coder.notifications.database;

import coder.notifications.config.InvalidSettingException;
import coder.notifications.config.SettingSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which PostgreSQL the service uses: the one named by {@code CODER_PG_CONNECTION_URL}, or, when that is unset,
 * the built-in one whose data lives under {@code CODER_CACHE_DIRECTORY}. The data source reads the same two
 * settings through {@code liberty/server.xml}; this record validates them at start-up and describes them.
 */
public record DatabaseSettings(Optional<ConnectionUrl> external, Path cacheDirectory) {

    static final String CONNECTION_URL = "coder.pg.connection.url";
    static final String CACHE_DIRECTORY = "coder.cache.directory";

    public static DatabaseSettings from(SettingSource source) {
        return new DatabaseSettings(
                source.text(CONNECTION_URL).map(DatabaseSettings::connectionUrl),
                CacheDirectory.of(source.text(CACHE_DIRECTORY).orElse("")));
    }

    private static ConnectionUrl connectionUrl(String value) {
        try {
            return ConnectionUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SettingSource.variableOf(CONNECTION_URL), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return external.map(url -> "external PostgreSQL " + url).orElse("built-in PostgreSQL in " + cacheDirectory);
    }
}
