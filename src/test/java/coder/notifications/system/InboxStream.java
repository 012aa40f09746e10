package coder.notifications.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of {@code /api/v2/notifications/inbox/watch}, as a WebSocket or as Server-Sent Events: it collects the
 * frames ({@code {"notification": ..., "unread_count": n}}) as they arrive, and notices pings and the end.
 */
abstract class InboxStream implements AutoCloseable {

    /** Found once: {@code Json.createReader} looks the JSON-P provider up on the class path at every call. */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    /** HTTP/1.1, as browsers speak to a plain-http server (they never upgrade to h2c). */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final AtomicInteger pings = new AtomicInteger();
    final CompletableFuture<String> ended = new CompletableFuture<>();

    /** The next frame, if one arrives within the time given. */
    Optional<JsonObject> next(Duration within) throws InterruptedException {
        return Optional.ofNullable(frames.poll(within.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Waits for the first ping: the server sends it only after it registered the watch (InboxWatchers.add), so an
     * item stored from now on reaches it. Proven by the watch itself, not by the shared service's gauge, which other
     * classes' watches move too.
     */
    void awaitRegistered() throws Exception {
        if (!Api.eventually(Duration.ofSeconds(30), () -> pings.get() >= 1)) {
            throw new AssertionError(
                    "no ping within 30 s: the watch was not registered (" + ended.getNow("open") + ")");
        }
    }

    JsonObject expectNext(Duration within) throws InterruptedException {
        return next(within).orElseThrow(() -> new AssertionError("no frame within " + within));
    }

    static URI watch(ServiceProcess service, String query, boolean websocket) {
        var uri = service.uri("/api/v2/notifications/inbox/watch" + (query.isEmpty() ? "" : "?" + query));
        return websocket ? URI.create(uri.toString().replaceFirst("^http", "ws")) : uri;
    }

    private static JsonObject json(String text) {
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Over WebSocket; the upgrade is refused with a {@link java.net.http.WebSocketHandshakeException}. */
    static final class OverWebSocket extends InboxStream {
        private final WebSocket socket;

        OverWebSocket(ServiceProcess service, String query, String authorizationHeader, String value) {
            var text = new StringBuilder();
            socket = CLIENT.newWebSocketBuilder()
                    .header(authorizationHeader, value)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(watch(service, query, true), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                frames.add(json(text.toString()));
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                            pings.incrementAndGet();
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            ended.complete(statusCode + " " + reason);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            ended.complete("error " + error);
                        }
                    })
                    .join();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
            socket.abort();
        }
    }

    /** Over Server-Sent Events; {@link #status} is the answer's status (a refusal ends the stream at once). */
    static final class OverEventStream extends InboxStream {
        /** The answer's status, once its head arrived; the stream is read from then on. */
        final CompletableFuture<Integer> status;

        private volatile java.io.InputStream body;

        /**
         * Sends the request and returns at once: the JDK's client may hand over an event stream's head only with
         * its first event, and whether the watch is open shows on the service's own count of watches.
         */
        OverEventStream(ServiceProcess service, String query, String header, String value) {
            // A client of its own, as each browser tab has its own connection.
            status = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .sendAsync(
                            HttpRequest.newBuilder(watch(service, query, false))
                                    .header("Accept", "text/event-stream")
                                    .header(header, value)
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(response -> {
                        body = response.body();
                        var reader = new Thread(this::read, "event-stream-reader");
                        reader.setDaemon(true);
                        reader.start();
                        return response.statusCode();
                    });
        }

        int status() throws Exception {
            return status.get(30, TimeUnit.SECONDS);
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8))) {
                String event = "message";
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(": ping")) {
                        pings.incrementAndGet();
                    } else if (line.startsWith("event: ")) {
                        event = line.substring("event: ".length());
                    } else if (line.startsWith("data: ") && event.equals("notification")) {
                        frames.add(json(line.substring("data: ".length())));
                    } else if (line.isEmpty()) {
                        event = "message";
                    }
                }
                ended.complete("end of stream");
            } catch (java.io.IOException e) {
                ended.complete("error " + e);
            }
        }

        @Override
        public void close() throws Exception {
            status.cancel(true);
            if (body != null) {
                body.close();
            }
        }
    }
}
