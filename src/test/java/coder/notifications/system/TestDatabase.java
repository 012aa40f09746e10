package coder.notifications.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL access to a built-in database of the suite, found the way the service records it: its port file. */
final class TestDatabase {

    private TestDatabase() {}

    static int port(Path cacheDirectory) {
        try {
            return Integer.parseInt(
                    Files.readString(cacheDirectory.resolve("postgres").resolve("port"))
                            .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in database of the shared service. */
    /**
     * A new, empty database on the suite's built-in PostgreSQL (the shared service runs it), as a
     * CODER_PG_CONNECTION_URL: for a service whose notifier must not share the shared service's messages.
     */
    static String fresh(String prefix) throws SQLException {
        SharedService.get();
        var database = prefix + "_" + System.nanoTime();
        try (var admin = connect();
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return "postgres://postgres@127.0.0.1:" + port(ServiceProcess.WORK.resolve("cache")) + "/" + database
                + "?sslmode=disable";
    }

    static Connection connect() throws SQLException {
        return connect(ServiceProcess.WORK.resolve("cache"), "postgres");
    }

    static Connection connect(Path cacheDirectory, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port(cacheDirectory) + "/" + database + "?user=postgres");
    }

    /** How many messages the shared service's database holds for the user. */
    static long messagesFor(java.util.UUID user) throws SQLException {
        try (var connection = connect();
                var statement =
                        connection.prepareStatement("SELECT count(*) FROM notification_messages WHERE user_id = ?")) {
            statement.setObject(1, user);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static List<String> column(Connection connection, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
