package coder.notifications.inbox;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A watch over Server-Sent Events, for clients without WebSocket (and the pages' bell): an asynchronous response
 * that stays open, one {@code event: notification} per new item, a comment line as the ping. A client that left is
 * found at the next write, at the latest at the next ping.
 */
final class EventStreamWatcher implements Watcher, AsyncListener {

    private final Subscription subscription;
    private final InboxWatchers watchers;
    private final AsyncContext async;
    private boolean ended;

    EventStreamWatcher(Subscription subscription, InboxWatchers watchers, AsyncContext async) {
        this.subscription = subscription;
        this.watchers = watchers;
        this.async = async;
    }

    /** Registers the stream; its first bytes follow at once (a ping), frames as items arrive. */
    void open() {
        async.addListener(this);
        watchers.add(this);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public String transport() {
        return "sse";
    }

    @Override
    public boolean send(String json) {
        // JSON text written by JSON-B has no raw line breaks, so one data line carries it.
        return write("event: notification\ndata: " + json + "\n\n");
    }

    @Override
    public boolean ping() {
        return write(": ping\n\n");
    }

    @Override
    public synchronized void close(String reason) {
        if (!ended) {
            write("event: close\ndata: " + reason + "\n\n");
            end();
        }
    }

    private synchronized boolean write(String text) {
        if (ended) {
            return false;
        }
        try {
            var out = async.getResponse().getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            end();
            return false;
        }
    }

    private synchronized void end() {
        if (!ended) {
            ended = true;
            watchers.remove(this);
            try {
                async.complete();
            } catch (RuntimeException e) {
                // Completed by the container already (the client left).
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        watchers.remove(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
}
