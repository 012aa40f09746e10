package coder.notifications.inbox;

/** One open watch of a person's inbox, by WebSocket or Server-Sent Events (SPEC 12). */
interface Watcher {

    /** Whose inbox, which items, and until when (the stream ends when the credential that opened it expires). */
    Subscription subscription();

    /** {@code websocket} or {@code sse}, as the metrics name it. */
    String transport();

    /** Sends one frame, {@code {"notification": ..., "unread_count": n}}; false when the client is gone. */
    boolean send(String json);

    /** Keeps the connection open through proxies that drop idle ones; false when the client is gone. */
    boolean ping();

    /** Ends the stream from this side. */
    void close(String reason);
}
