import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Row j of bench/run (bench/inbox.sh): watches of the inbox on one replica, half WebSocket and half Server-Sent
 * Events, spread over the bench's users, then events to those users at a fixed rate; for every frame, the time from
 * posting its event to the frame's arrival, and the part of it after the item was stored (the frame's created_at, the
 * delivery's transaction, by this machine's clock), which tells a delivery backlog from a slow stream. With --pid, the replica's VmRSS and live heap before the watches open and
 * with them open, each read after a full GC (jcmd PID GC.run) so that garbage does not count as held memory.
 *
 * <pre>
 * java bench/InboxWatch.java --base URL --jwt DIR --users FILE [--connections 1000] [--rate 200] [--warmup 10]
 *     [--duration 20] [--grace 10] [--pid PID] [--prefix j]
 * </pre>
 *
 * DIR is the service's evaluation key folder ({@code <cache>/jwt}): its {@code private.pem} signs one member token
 * per user (sub = the user's id, as a watch needs), its {@code tokens.env} gives the NOTIFIER_TOKEN the events are
 * posted with. FILE holds one directory user id a line; the first min(connections, users) of them are watched and
 * get the events. A frame is matched to its event by id: the 202 answer lists the event's inbox message ("method":
 * "inbox"), and the frame's notification.id is that message's id. JDK only: a single-file source program (JDK 17).
 * Progress goes to stderr; one line "INBOX key=value ..." to stdout, for bench/run.
 */
public final class InboxWatch {

    private static final String USAGE = "usage: java bench/InboxWatch.java --base URL --jwt DIR --users FILE"
            + " [--connections N] [--rate EVENTS_PER_S] [--warmup S] [--duration S] [--grace S] [--pid PID] [--prefix P]";
    private static final Pattern ITEM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"created_at\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern INBOX_METHOD = Pattern.compile("\"method\"\\s*:\\s*\"inbox\"");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Options options;
    private final HttpClient watchClient = client();
    private final HttpClient postClient = client();
    private final List<Watch> watches = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private String notifierToken;

    private InboxWatch(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("InboxWatch: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        var run = new InboxWatch(options);
        try {
            run.run();
        } catch (Exception e) {
            System.err.println("InboxWatch: " + e);
            run.closeAll();
            System.exit(1);
        }
        run.closeAll();
        System.exit(0);
    }

    private void run() throws Exception {
        var users = Files.readAllLines(options.users()).stream().map(String::strip).filter(line -> !line.isEmpty())
                .toList();
        if (users.isEmpty()) {
            throw new IOException("no users in " + options.users());
        }
        var watched = users.subList(0, Math.min(options.connections(), users.size()));
        notifierToken = Tokens.notifier(options.jwt());
        var tokens = new Tokens(options.jwt());

        var before = Memory.read(options.pid());
        note("before the watches: " + before);
        open(watched, tokens);
        pause(Duration.ofSeconds(2)); // a WebSocket is registered by the service just after its upgrade answered
        var serverWatchers = serverWatchers();
        var open = Memory.read(options.pid());
        note("with the watches open: " + open + "; the service counts " + serverWatchers + " watches");

        if (options.warmup() > 0) {
            var warmup = post(options.warmup(), "warmup", watched);
            note("warm-up: " + warmup.sent().size() + " events in " + options.warmup() + " s, not measured");
        }
        dropped.set(0);
        errors.set(0);
        firstError.set(null);
        var measured = post(options.duration(), "measured", watched);
        var result = awaitFrames(measured.sent());
        var ended = watches.stream().filter(watch -> watch.opened.isDone() && !watch.opened.isCompletedExceptionally()
                && watch.ended != null).count();
        var rssEnd = Memory.rss(options.pid());
        print(before, open, rssEnd, serverWatchers, measured, result, ended);
    }

    // ---- the watches ---------------------------------------------------------------------------------------------

    /** Opens the watches, 32 at a time: user i % users, WebSocket and SSE alternating so each user gets both. */
    private void open(List<String> watched, Tokens tokens) throws Exception {
        var tokenOf = new HashMap<String, String>();
        for (var user : watched) {
            tokenOf.put(user, tokens.member(user));
        }
        var started = System.nanoTime();
        var slots = new Semaphore(32);
        var uri = options.base().resolve("/api/v2/notifications/inbox/watch");
        for (int i = 0; i < options.connections(); i++) {
            var user = watched.get(i % watched.size());
            var websocket = (i + i / watched.size()) % 2 == 0;
            Watch watch = websocket ? new SocketWatch(user) : new StreamWatch(user);
            if (!slots.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IOException("no watch answered for 60 s (" + watches.size() + " open)");
            }
            watch.opened.whenComplete((ok, error) -> slots.release());
            watch.open(watchClient, uri, tokenOf.get(user));
            watches.add(watch);
        }
        try {
            CompletableFuture.allOf(watches.stream().map(watch -> watch.opened.exceptionally(error -> null))
                    .toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            note("WARNING: not every watch answered within 120 s");
        }
        var failed = watches.stream().filter(watch -> !opened(watch)).toList();
        note(String.format(Locale.ROOT, "opened %d of %d watches (%d WebSocket, %d SSE) in %.1f s",
                watches.size() - failed.size(), watches.size(), count("websocket"), count("sse"),
                (System.nanoTime() - started) / 1e9));
        if (!failed.isEmpty()) {
            note("WARNING: " + failed.size() + " watches did not open, the first because: " + failed.get(0).ended);
        }
    }

    private long count(String transport) {
        return watches.stream().filter(watch -> watch.transport.equals(transport)).count();
    }

    private static boolean opened(Watch watch) {
        return watch.opened.isDone() && !watch.opened.isCompletedExceptionally();
    }

    /** The service's own count of open watches (its metric coderd_notifications_inbox_watchers), or -1. */
    private long serverWatchers() {
        try {
            var response = postClient.send(
                    HttpRequest.newBuilder(options.base().resolve("/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            return Math.round(response.body()
                    .filter(line -> line.startsWith("coderd_notifications_inbox_watchers"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum());
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    private void closeAll() {
        watches.forEach(Watch::close);
        pause(Duration.ofSeconds(1)); // the close frames leave before the JVM does
    }

    // ---- the events ----------------------------------------------------------------------------------------------

    record Sent(String item, String user, long nanos) {}

    record Posted(List<Sent> sent, double seconds) {}

    /**
     * Posts "Workspace Deleted" events to the watched users in turn at options.rate() a second for the given seconds,
     * without waiting for answers (a slot more than a second late is dropped rather than sent in a burst); answers
     * the inbox message id and send time of each event the service took.
     */
    private Posted post(int seconds, String phase, List<String> watched) throws Exception {
        var sent = new ConcurrentLinkedQueue<Sent>();
        var answers = new ArrayList<CompletableFuture<Void>>();
        var uri = options.base().resolve("/api/v2/notifications/events");
        long total = (long) options.rate() * seconds;
        long start = System.nanoTime();
        long last = start;
        for (long k = 0; k < total; k++) {
            long due = start + k * SECOND / options.rate();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (-wait > SECOND) {
                dropped.incrementAndGet();
                continue;
            }
            var user = watched.get((int) (k % watched.size()));
            var body = "{\"template\":\"Workspace Deleted\",\"user_id\":\"" + user + "\",\"labels\":{\"name\":\""
                    + options.prefix() + "-" + phase + "-" + k + "\",\"reason\":\"benchmark run\",\"initiator\":\"bench\"}}";
            var request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + notifierToken)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            last = System.nanoTime();
            long nanos = last;
            answers.add(postClient.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        taken(response, error, user, nanos, sent);
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            error("not every event was answered within 60 s");
        }
        return new Posted(List.copyOf(sent), (last - start) / 1e9);
    }

    private void taken(HttpResponse<String> response, Throwable error, String user, long nanos,
            ConcurrentLinkedQueue<Sent> sent) {
        if (error != null) {
            error("POST /api/v2/notifications/events failed: " + error);
        } else if (response.statusCode() != 202) {
            error("POST /api/v2/notifications/events answered " + response.statusCode() + ": " + response.body());
        } else {
            var messages = MESSAGE.matcher(response.body());
            while (messages.find()) {
                var message = messages.group();
                var id = ITEM_ID.matcher(message);
                if (INBOX_METHOD.matcher(message).find() && id.find()) {
                    sent.add(new Sent(id.group(1), user, nanos));
                    return;
                }
            }
            error("the answer lists no inbox message (is the inbox on?): " + response.body());
        }
    }

    private void error(String text) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, text);
    }

    // ---- the frames ----------------------------------------------------------------------------------------------

    record Frames(long expected, long[] all, long[] websocket, long[] sse, long[] stored, long duplicates) {}

    /** Waits until every open watch has the frame of every measured event of its user, or options.grace() passed. */
    private Frames awaitFrames(List<Sent> sent) {
        var byUser = sent.stream().collect(Collectors.groupingBy(Sent::user));
        long deadline = System.nanoTime() + options.grace() * SECOND;
        Frames frames;
        while ((frames = frames(byUser)).all().length < frames.expected() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(250));
        }
        return frames;
    }

    private Frames frames(Map<String, List<Sent>> byUser) {
        long expected = 0;
        var all = new ArrayList<Long>();
        var websocket = new ArrayList<Long>();
        var sse = new ArrayList<Long>();
        var stored = new ArrayList<Long>();
        for (var watch : watches) {
            if (!opened(watch)) {
                continue;
            }
            for (var event : byUser.getOrDefault(watch.user, List.of())) {
                expected++;
                var arrived = watch.arrivals.get(event.item());
                if (arrived != null) {
                    all.add(arrived.nanos() - event.nanos());
                    (watch.transport.equals("websocket") ? websocket : sse).add(arrived.nanos() - event.nanos());
                    if (arrived.sinceStoredNanos() != Long.MIN_VALUE) {
                        stored.add(arrived.sinceStoredNanos());
                    }
                }
            }
        }
        long duplicates = watches.stream().mapToLong(watch -> watch.duplicates.get()).sum();
        return new Frames(expected, sorted(all), sorted(websocket), sorted(sse), sorted(stored), duplicates);
    }

    private static long[] sorted(List<Long> values) {
        var array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest rank, in ms with one decimal; n/a without values. */
    private static String percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int rank = Math.max(1, (int) Math.ceil(p * sorted.length));
        return String.format(Locale.ROOT, "%.1f", sorted[rank - 1] / 1e6);
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    private void print(Memory before, Memory open, long rssEnd, long serverWatchers, Posted measured, Frames frames,
            long ended) {
        var failed = watches.stream().filter(watch -> !opened(watch)).count();
        note(String.format(Locale.ROOT, "%d events in %.1f s (%d dropped, %d errors); frames %d of %d, %d duplicates;"
                        + " %d watches ended early", measured.sent().size(), measured.seconds(), dropped.get(),
                errors.get(), frames.all().length, frames.expected(), frames.duplicates(), ended));
        note("enqueue to frame: p50 " + percentile(frames.all(), 0.5) + " ms, p99 " + percentile(frames.all(), 0.99)
                + " ms, max " + percentile(frames.all(), 1) + " ms (WebSocket p99 " + percentile(frames.websocket(), 0.99)
                + " ms, SSE p99 " + percentile(frames.sse(), 0.99) + " ms); from the item's storing to the frame: p50 "
                + percentile(frames.stored(), 0.5) + " ms, p99 " + percentile(frames.stored(), 0.99) + " ms");
        if (firstError.get() != null) {
            note("WARNING: the first error: " + firstError.get());
        }
        var fields = new StringBuilder("INBOX");
        field(fields, "connections", watches.size());
        field(fields, "websocket", count("websocket"));
        field(fields, "sse", count("sse"));
        field(fields, "users", watches.stream().map(watch -> watch.user).distinct().count());
        field(fields, "opened", watches.size() - failed);
        field(fields, "failed", failed);
        field(fields, "server_watchers", serverWatchers < 0 ? "n/a" : serverWatchers);
        field(fields, "gc", Memory.jcmd().isPresent() && options.pid() > 0 ? "yes" : "no");
        field(fields, "rss_before_kb", kb(before.rssKb()));
        field(fields, "rss_open_kb", kb(open.rssKb()));
        field(fields, "heap_before_kb", kb(before.heapKb()));
        field(fields, "heap_open_kb", kb(open.heapKb()));
        field(fields, "rss_end_kb", kb(rssEnd));
        field(fields, "events", measured.sent().size());
        field(fields, "seconds", String.format(Locale.ROOT, "%.3f", measured.seconds()));
        field(fields, "dropped", dropped.get());
        field(fields, "errors", errors.get());
        field(fields, "expected", frames.expected());
        field(fields, "frames", frames.all().length);
        field(fields, "duplicates", frames.duplicates());
        field(fields, "ended", ended);
        field(fields, "p50_ms", percentile(frames.all(), 0.5));
        field(fields, "p99_ms", percentile(frames.all(), 0.99));
        field(fields, "max_ms", percentile(frames.all(), 1));
        field(fields, "ws_p50_ms", percentile(frames.websocket(), 0.5));
        field(fields, "ws_p99_ms", percentile(frames.websocket(), 0.99));
        field(fields, "sse_p50_ms", percentile(frames.sse(), 0.5));
        field(fields, "sse_p99_ms", percentile(frames.sse(), 0.99));
        field(fields, "stored_p50_ms", percentile(frames.stored(), 0.5));
        field(fields, "stored_p99_ms", percentile(frames.stored(), 0.99));
        System.out.println(fields);
    }

    private static void field(StringBuilder line, String name, Object value) {
        line.append(' ').append(name).append('=').append(value);
    }

    private static Object kb(long value) {
        return value < 0 ? "n/a" : value;
    }

    private static void note(String text) {
        System.err.println("    " + text);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** HTTP/1.1 only: with HTTP/2 (h2c) every SSE watch would share one connection, which is not what is measured. */
    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    // ---- one watch -----------------------------------------------------------------------------------------------

    /** A frame's arrival: System.nanoTime(), and the time since its item was stored (Long.MIN_VALUE: unknown). */
    record Arrival(long nanos, long sinceStoredNanos) {}

    /** One watch: when each item's frame first arrived, and why the stream ended, if it did. */
    abstract static class Watch {
        final String user;
        final String transport;
        final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        final CompletableFuture<Void> opened = new CompletableFuture<>();
        volatile String ended;

        Watch(String user, String transport) {
            this.user = user;
            this.transport = transport;
        }

        abstract void open(HttpClient client, URI uri, String token);

        abstract void close();

        void frame(String json) {
            long now = System.nanoTime();
            var wall = Instant.now();
            var id = ITEM_ID.matcher(json);
            if (id.find() && arrivals.putIfAbsent(id.group(1), new Arrival(now, sinceStored(json, wall))) != null) {
                duplicates.incrementAndGet();
            }
        }

        /** From the item's created_at (stored by the delivery, PostgreSQL's now()) to the arrival, both this machine's clock. */
        private static long sinceStored(String json, Instant arrived) {
            var createdAt = CREATED_AT.matcher(json);
            if (!createdAt.find()) {
                return Long.MIN_VALUE;
            }
            try {
                return Duration.between(Instant.parse(createdAt.group(1)), arrived).toNanos();
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return Duration.between(java.time.OffsetDateTime.parse(createdAt.group(1)).toInstant(), arrived)
                            .toNanos();
                } catch (java.time.format.DateTimeParseException again) {
                    return Long.MIN_VALUE;
                }
            }
        }

        void end(String why) {
            if (ended == null) {
                ended = why;
            }
            opened.completeExceptionally(new IOException(why));
        }
    }

    /** A watch over WebSocket: one JSON text frame per item. */
    static final class SocketWatch extends Watch implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile WebSocket socket;

        SocketWatch(String user) {
            super(user, "websocket");
        }

        @Override
        void open(HttpClient client, URI uri, String token) {
            client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(uri.toString().replaceFirst("^http", "ws")), this)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            end("the upgrade failed: " + error);
                        } else {
                            this.socket = socket;
                            opened.complete(null);
                        }
                    });
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frame(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end("closed by the service: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end("error: " + error);
        }

        @Override
        void close() {
            var open = socket;
            if (open != null) {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }

    /** A watch over Server-Sent Events: "event: notification" and one "data:" line per item. */
    static final class StreamWatch extends Watch implements Flow.Subscriber<String> {
        private String event = "message";
        private volatile Flow.Subscription subscription;

        StreamWatch(String user) {
            super(user, "sse");
        }

        @Override
        void open(HttpClient client, URI uri, String token) {
            var request = HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token)
                    .build();
            HttpResponse.BodyHandler<Void> handler = info -> {
                if (info.statusCode() == 200) {
                    opened.complete(null);
                    return BodySubscribers.fromLineSubscriber(this);
                }
                return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    end("answered " + info.statusCode() + ": " + body);
                    return null;
                });
            };
            client.sendAsync(request, handler)
                    .whenComplete((response, error) -> end(error == null ? "end of stream" : "error: " + error));
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && event.equals("notification")) {
                frame(line.substring("data:".length()));
            } else if (line.startsWith("data:") && event.equals("close")) {
                end("closed by the service: " + line.substring("data:".length()).strip());
            } else if (line.isEmpty()) {
                event = "message";
            }
        }

        @Override
        public void onError(Throwable error) {
            end("error: " + error);
        }

        @Override
        public void onComplete() {
            end("end of stream");
        }

        @Override
        void close() {
            var open = subscription;
            if (open != null) {
                open.cancel();
            }
        }
    }

    // ---- tokens and memory ---------------------------------------------------------------------------------------

    /** Member tokens signed with the evaluation key, with the claims the service's EvaluationKeys.token writes. */
    static final class Tokens {
        private final PrivateKey key;

        Tokens(Path folder) throws IOException, GeneralSecurityException {
            var pem = Files.readString(folder.resolve("private.pem"));
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        }

        String member(String userId) throws GeneralSecurityException {
            long now = Instant.now().getEpochSecond();
            var header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            var claims = base64("{\"iss\":\"coder-notifications-evaluation\",\"sub\":\"" + userId + "\",\"upn\":\""
                    + userId + "\",\"groups\":[\"member\"],\"iat\":" + now + ",\"exp\":" + (now + 86_400)
                    + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        }

        /** NOTIFIER_TOKEN of tokens.env (read, not sourced, as bench/run reads it). */
        static String notifier(Path folder) throws IOException {
            var file = folder.resolve("tokens.env");
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("NOTIFIER_TOKEN="))
                    .map(line -> line.substring("NOTIFIER_TOKEN=".length()))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no NOTIFIER_TOKEN in " + file));
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The service's VmRSS and used heap in KiB (-1 when unknown), read after a full GC when jcmd is at hand. */
    record Memory(long rssKb, long heapKb) {
        private static final Pattern USED = Pattern.compile("used (\\d+)K");

        static Memory read(long pid) {
            if (pid <= 0) {
                return new Memory(-1, -1);
            }
            jcmd(pid, "GC.run");
            pause(Duration.ofSeconds(2)); // G1 hands freed regions back to the system in the background
            var heap = USED.matcher(jcmd(pid, "GC.heap_info"));
            return new Memory(rss(pid), heap.find() ? Long.parseLong(heap.group(1)) : -1);
        }

        static long rss(long pid) {
            try {
                for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The service is gone, or this is not Linux.
            }
            return -1;
        }

        static java.util.Optional<Path> jcmd() {
            return java.util.Optional.of(Path.of(System.getProperty("java.home"), "bin", "jcmd"))
                    .filter(Files::isExecutable);
        }

        private static String jcmd(long pid, String command) {
            var tool = jcmd();
            if (tool.isEmpty()) {
                return "";
            }
            try {
                var process = new ProcessBuilder(tool.get().toString(), Long.toString(pid), command)
                        .redirectErrorStream(true)
                        .start();
                var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(60, TimeUnit.SECONDS);
                return out;
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        @Override
        public String toString() {
            return rssKb < 0 ? "memory not read (no --pid)"
                    : String.format(Locale.ROOT, "VmRSS %,d KiB, heap used %s KiB", rssKb, heapKb < 0 ? "n/a"
                            : String.format(Locale.ROOT, "%,d", heapKb));
        }
    }

    // ---- options -------------------------------------------------------------------------------------------------

    record Options(URI base, Path jwt, Path users, int connections, int rate, int warmup, int duration, int grace,
            long pid, String prefix) {

        static Options parse(String[] args) {
            var values = new HashMap<>(Map.of("--connections", "1000", "--rate", "200", "--warmup", "10",
                    "--duration", "20", "--grace", "10", "--pid", "0", "--prefix", "j"));
            var known = List.of("--base", "--jwt", "--users");
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come in pairs");
            }
            for (int i = 0; i < args.length; i += 2) {
                if (!values.containsKey(args[i]) && !known.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
                values.put(args[i], args[i + 1]);
            }
            for (var required : known) {
                if (!values.containsKey(required)) {
                    throw new IllegalArgumentException(required + " is required");
                }
            }
            var options = new Options(URI.create(values.get("--base")), Path.of(values.get("--jwt")),
                    Path.of(values.get("--users")), number(values, "--connections"), number(values, "--rate"),
                    number(values, "--warmup"), number(values, "--duration"), number(values, "--grace"),
                    Long.parseLong(values.get("--pid")), values.get("--prefix"));
            if (options.connections() < 1 || options.rate() < 1 || options.duration() < 1) {
                throw new IllegalArgumentException("--connections, --rate and --duration must be at least 1");
            }
            return options;
        }

        private static int number(Map<String, String> values, String name) {
            try {
                return Integer.parseInt(values.get(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number: " + values.get(name));
            }
        }
    }
}
