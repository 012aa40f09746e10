package coder.notifications.system;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server that receives webhook deliveries. Answers are scripted per recipient: the statuses to
 * answer in turn (then 200), and an optional delay before answering.
 */
final class WebhookReceiver implements AutoCloseable {

    /**
     * Found once: {@code Json.createReader} looks the JSON-P provider up on the class path at every call, and on the
     * suite's class path concurrent requests queued for tens of seconds on the lock of one JAR file doing so.
     */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private final HttpServer server;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> arrivals = new ConcurrentHashMap<>();

    /** A request as it arrived: its headers (names in lower case) and its body, byte for byte. */
    record Request(Map<String, String> headers, byte[] body) {}

    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    WebhookReceiver() {
        this(0);
    }

    /** A receiver on a given port (0: any free one). */
    WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            var raw = exchange.getRequestBody().readAllBytes();
            var body = new String(raw, StandardCharsets.UTF_8);
            JsonObject document;
            try (var reader = READERS.createReader(new StringReader(body))) {
                document = reader.readObject();
            }
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            requests.put(document.getString("msg_id"), new Request(headers, raw));
            arrivals.computeIfAbsent(
                            document.getString("msg_id"), id -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            var user = document.getJsonObject("payload").getString("user_id");
            var delay = delays.get(user);
            if (delay != null) {
                sleep(delay);
            }
            int status;
            synchronized (scripts) {
                var script = scripts.get(user);
                status = script == null || script.isEmpty() ? 200 : script.poll();
            }
            if (status >= 200 && status < 300) {
                received.add(document);
            }
            var answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void script(UUID user, Integer... statuses) {
        synchronized (scripts) {
            scripts.put(user.toString(), new ArrayDeque<>(List.of(statuses)));
        }
    }

    void delay(UUID user, Duration delay) {
        delays.put(user.toString(), delay);
    }

    /** How many requests carried the message so far, answered or not yet. */
    int arrivals(String messageId) {
        var count = arrivals.get(messageId);
        return count == null ? 0 : count.get();
    }

    /** The last request that carried the message. */
    Request request(String messageId) {
        return requests.get(messageId);
    }

    /** Documents delivered successfully (2xx) to the user. */
    List<JsonObject> deliveredTo(UUID user) {
        var documents = new ArrayList<JsonObject>();
        for (var document : received) {
            if (document.getJsonObject("payload").getString("user_id").equals(user.toString())) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** Waits until at least {@code count} documents were delivered to the user. */
    List<JsonObject> awaitDelivered(UUID user, int count, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var documents = deliveredTo(user);
            if (documents.size() >= count) {
                return documents;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("expected " + count + " deliveries to " + user + " within " + timeout + ", got "
                + deliveredTo(user).size());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
