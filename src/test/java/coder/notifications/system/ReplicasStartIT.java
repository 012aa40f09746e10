package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two replicas started at the same moment on an empty database migrate it once, without corruption. */
class ReplicasStartIT {

    @Test
    void twoReplicasStartingTogetherApplyEachMigrationOnce() throws Exception {
        var database = "replicas_" + System.nanoTime();
        SharedService.get();
        try (var admin = TestDatabase.connect();
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        int port = TestDatabase.port(ServiceProcess.WORK.resolve("cache"));
        // One replica names the database in Coder's form, the other in JDBC form: both must reach it.
        var first = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "replica-a",
                ServiceProcess.env(
                        "CODER_PG_CONNECTION_URL",
                        "postgres://postgres@127.0.0.1:" + port + "/" + database + "?sslmode=disable")));
        var second = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "replica-b",
                ServiceProcess.env(
                        "CODER_PG_CONNECTION_URL",
                        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres")));
        try (var a = first.join();
                var b = second.join();
                var connection = TestDatabase.connect(ServiceProcess.WORK.resolve("cache"), database)) {
            var applied = TestDatabase.column(
                    connection,
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
            assertEquals(List.copyOf(new java.util.LinkedHashSet<>(applied)), applied, "a migration was applied twice");
            assertEquals(
                    TestDatabase.column(connection, "SELECT count(*) FROM notification_templates"),
                    List.of(Integer.toString(SchemaIT.SYSTEM_TEMPLATES.size() + 1)));
            assertEquals(
                    List.of("0"),
                    TestDatabase.column(connection, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
        }
    }
}
