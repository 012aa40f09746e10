package coder.notifications.database.connection;

import coder.notifications.database.ConnectionUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The PostgreSQL the service runs itself when no {@code CODER_PG_CONNECTION_URL} is set, as Coder does: binaries
 * from a Maven artifact, data kept in {@code <cache>/postgres/data} between runs, its port remembered in
 * {@code <cache>/postgres/port}. It listens on the loopback interface only. As root, the library runs PostgreSQL
 * inside a user namespace, because PostgreSQL refuses to run as root.
 */
public final class BuiltInDatabase {

    private static final Logger LOG = Logger.getLogger(BuiltInDatabase.class.getName());
    private static BuiltInDatabase running;

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final int port;

    private BuiltInDatabase(Path directory, EmbeddedPostgres postgres, int port) {
        this.directory = directory;
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts the built-in database once per process and answers where to connect. */
    public static synchronized ConnectionUrl connection(Path cacheDirectory) {
        if (running == null) {
            running = start(cacheDirectory.resolve("postgres"));
        }
        return new ConnectionUrl(
                "jdbc:postgresql://127.0.0.1:" + running.port + "/postgres", Optional.of("postgres"), Optional.empty());
    }

    /** Stops the built-in database, if this process started one. */
    public static synchronized void stop() {
        if (running != null && running.postgres != null) {
            try {
                running.postgres.close();
                LOG.info("notifications: stopped the built-in database in " + running.directory);
            } catch (IOException e) {
                LOG.warning("notifications: could not stop the built-in database: " + e.getMessage());
            }
        }
        running = null;
    }

    private static BuiltInDatabase start(Path directory) {
        var log = directory.resolve("postgres.log");
        try {
            Files.createDirectories(directory);
            var adopted = adoptLeftRunning(directory);
            if (adopted.isPresent()) {
                return adopted.get();
            }
            LOG.info("notifications: starting the built-in database in " + directory + " (its log: " + log + ")");
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(directory.resolve("bin").toFile())
                    .setPort(rememberedOrFreePort(directory))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(directory.resolve("port"), Integer.toString(postgres.getPort()));
            LOG.info("notifications: the built-in database listens on 127.0.0.1:" + postgres.getPort());
            return new BuiltInDatabase(directory, postgres, postgres.getPort());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "the built-in PostgreSQL database could not start in " + directory + ": "
                            + rootCause(e) + ". Its log is " + log + ". To use an external PostgreSQL instead, set"
                            + " CODER_PG_CONNECTION_URL=postgres://user:password@host:5432/database?sslmode=disable",
                    e);
        }
    }

    /**
     * A process that was killed cannot stop its PostgreSQL; the next start finds it still serving the same
     * data directory and uses it instead of failing to start a second one.
     */
    private static Optional<BuiltInDatabase> adoptLeftRunning(Path directory) throws IOException {
        var portFile = directory.resolve("port");
        if (!Files.exists(directory.resolve("data").resolve("postmaster.pid")) || !Files.exists(portFile)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(Files.readString(portFile).strip());
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2");
                var result = connection.createStatement().executeQuery("SHOW data_directory")) {
            result.next();
            if (Path.of(result.getString(1))
                    .toRealPath()
                    .equals(directory.resolve("data").toRealPath())) {
                LOG.info("notifications: using the built-in database left running on port " + port
                        + " by an earlier process");
                return Optional.of(new BuiltInDatabase(directory, null, port));
            }
        } catch (SQLException e) {
            LOG.fine("notifications: no built-in database left running on port " + port + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static int rememberedOrFreePort(Path directory) throws IOException {
        var portFile = directory.resolve("port");
        if (Files.exists(portFile)) {
            int port = Integer.parseInt(Files.readString(portFile).strip());
            try (var probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                LOG.info("notifications: port " + port + " of the built-in database is taken; choosing another");
            }
        }
        try (var probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String rootCause(Throwable error) {
        var cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
