package coder.notifications.incontainer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in the container's JVM at the webhook endpoint of src/test/liberty/server.env: it counts the
 * deliveries and holds each answer until the test lets it go (or 60 s pass).
 */
public final class SlowReceiver implements AutoCloseable {

    public static final int PORT = 19081;

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);

    public SlowReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Waits (30 s at most) until a delivery has arrived and is being held. */
    public void awaitDelivery() throws InterruptedException {
        if (!arrived.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no delivery arrived within 30 s");
        }
    }

    public void answer() {
        answer.countDown();
    }

    public int received() {
        return received.get();
    }

    @Override
    public void close() {
        answer.countDown();
        server.stop(0);
    }
}
