package coder.notifications.inbox;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A watch over WebSocket: one instance per connection, made by {@link WatchServlet} after it authenticated the
 * request and checked its parameters, so that nothing is upgraded that would be refused. Frames are sent one at a
 * time (a WebSocket session takes one send at a time).
 */
final class WebSocketWatcher extends Endpoint implements Watcher {

    private static final ByteBuffer PING = ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII));

    private final Subscription subscription;
    private final InboxWatchers watchers;
    private volatile Session session;

    WebSocketWatcher(Subscription subscription, InboxWatchers watchers) {
        this.subscription = subscription;
        this.watchers = watchers;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        // Pings keep the connection alive; the client has nothing to say, and whatever it sends is ignored.
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {});
        watchers.add(this);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        watchers.remove(this);
    }

    @Override
    public void onError(Session session, Throwable error) {
        watchers.remove(this);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public String transport() {
        return "websocket";
    }

    @Override
    public synchronized boolean send(String json) {
        try {
            session.getBasicRemote().sendText(json);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean ping() {
        try {
            session.getBasicRemote().sendPing(PING.duplicate());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void close(String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, reason));
        } catch (IOException | RuntimeException e) {
            // Gone already.
        }
    }
}
