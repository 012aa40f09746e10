package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without CODER_PG_CONNECTION_URL the service runs its own PostgreSQL, keeps its data, and stops it. */
class BuiltInDatabaseIT {

    @Test
    void dataSurvivesARestartAndTheDatabaseStopsWithTheService() throws Exception {
        Path cache = ServiceProcess.WORK
                .resolve("built-in-cache-" + System.nanoTime())
                .toAbsolutePath();
        var environment = ServiceProcess.env("CODER_CACHE_DIRECTORY", cache.toString());

        var first = ServiceProcess.start("built-in-first", environment);
        try (var connection = TestDatabase.connect(cache, "postgres");
                var statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO users (id, username) VALUES ('6a1a7e5e-0000-4000-8000-000000000001', 'kept')");
        }
        first.stop();
        assertThrows(
                SQLException.class,
                () -> TestDatabase.connect(cache, "postgres").close(),
                "the built-in database still runs after the service stopped");

        try (var second = ServiceProcess.start("built-in-second", environment);
                var connection = TestDatabase.connect(cache, "postgres")) {
            assertEquals(List.of("kept"), TestDatabase.column(connection, "SELECT username FROM users"));
        }
    }
}
