package coder.notifications.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running copy of the packaged service: {@code java -jar target/coder-notifications.jar}. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("service.jar", "target/coder-notifications.jar"));
    static final Path WORK = Path.of(System.getProperty("service.work", "target/it"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    final String name;
    final int port;
    final Path console;
    private final Process process;

    private ServiceProcess(String name, int port, Path console, Process process) {
        this.name = name;
        this.port = port;
        this.console = console;
        this.process = process;
    }

    /** Launches a copy without waiting for it; {@code environment} adds to or overrides the defaults. */
    static ServiceProcess launch(String name, Map<String, String> environment) {
        try {
            var folder = Files.createDirectories(WORK.resolve(name)).toAbsolutePath();
            // The runnable JAR refuses to extract into a folder that exists: every launch gets a clean one.
            deleteRecursively(folder.resolve("server"));
            int port = environment.containsKey("CODER_HTTP_PORT")
                    ? Integer.parseInt(environment.get("CODER_HTTP_PORT"))
                    : freePort();
            var console = folder.resolve("console.log");
            // SERVICE_HEAP is the test's own knob (not a setting of the service): the heap a copy runs with.
            var heap = environment.getOrDefault("SERVICE_HEAP", "512m");
            var builder = new ProcessBuilder(
                            "java", "-Xmx" + heap, "-jar", JAR.toAbsolutePath().toString())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            var env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("CODER_"));
            if (!environment.containsKey("WLP_JAR_EXTRACT_ROOT")) {
                env.put("WLP_JAR_EXTRACT_DIR", folder.resolve("server").toString());
            }
            env.put("CODER_HTTP_PORT", Integer.toString(port));
            env.put(
                    "CODER_CACHE_DIRECTORY",
                    WORK.resolve("cache").toAbsolutePath().toString());
            env.putAll(environment);
            env.remove("SERVICE_HEAP");
            return new ServiceProcess(name, port, console, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches a copy and waits until it is ready, failing with its console output if it is not. */
    static ServiceProcess start(String name, Map<String, String> environment) {
        var service = launch(name, environment);
        service.awaitReady();
        return service;
    }

    static Map<String, String> env(String... variablesAndValues) {
        var environment = new HashMap<String, String>();
        for (int i = 0; i < variablesAndValues.length; i += 2) {
            environment.put(variablesAndValues[i], variablesAndValues[i + 1]);
        }
        return environment;
    }

    /** The operating system's process id of this copy. */
    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void awaitReady() {
        var deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output());
            }
            if (get("/health/ready") == 200) {
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException(name + " not ready after " + START_TIMEOUT + ":\n" + output());
    }

    /** Waits for the process to end by itself and answers its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Stops the copy gracefully (SIGTERM, as an orchestrator does) and waits for it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills the copy at once (SIGKILL): nothing of it runs on. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String output() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    int get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri(path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (var path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
