package coder.notifications.dispatch;

import coder.notifications.config.NotifierSettings;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.Result;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers results and writes them in bulk: when {@code store_sync_buffer_size} results wait, and every
 * {@code store_sync_interval}. A failed write keeps the results for the next try; while too many wait, the
 * notifier leases nothing more (back-pressure). Results lost in a crash only mean the messages are sent again
 * after their lease ends: at least once, never lost.
 */
@ApplicationScoped
public class ResultRecorder {

    @Inject
    MessageStore messages;

    @Inject
    NotifierSettings settings;

    @Inject
    NotifierLog log;

    @Inject
    NotifierMetrics metrics;

    @Inject
    CoderMetrics coderMetrics;

    private final List<Result> buffer = new ArrayList<>();
    private final Object writing = new Object();

    /** Shows the buffered results on /metrics as coderd_notifications_pending_updates. */
    @PostConstruct
    void publishPending() {
        coderMetrics.pendingUpdates(() -> {
            synchronized (buffer) {
                return buffer.size();
            }
        });
    }

    public void add(List<Result> results) {
        int waiting;
        synchronized (buffer) {
            buffer.addAll(results);
            waiting = buffer.size();
        }
        if (waiting >= settings.storeSyncBufferSize()) {
            flush();
        }
    }

    /** Whether so many results wait that leasing more would only grow the backlog of unwritten results. */
    public boolean full() {
        synchronized (buffer) {
            return buffer.size() >= 4 * settings.storeSyncBufferSize();
        }
    }

    /** Writes the buffered results; answers how many were written (0 when none waited or the write failed). */
    public int flush() {
        synchronized (writing) {
            List<Result> batch;
            synchronized (buffer) {
                if (buffer.isEmpty()) {
                    return 0;
                }
                batch = new ArrayList<>(buffer);
                buffer.clear();
            }
            try {
                var written = messages.record(batch, settings.maxSendAttempts(), settings.retryInterval());
                log.recovered("write results (they stay buffered)");
                coderMetrics.synced(written);
                if (written < batch.size()) {
                    // Their leases ended before the results arrived: another lease owns those messages now.
                    metrics.dropped(batch.size() - written);
                    log.info("dropped " + (batch.size() - written)
                            + " results whose lease had ended before they were written");
                }
                batch.forEach(result -> {
                    metrics.recorded(result);
                    log.debug("recorded " + result.kind() + " for message " + result.messageId()
                            + (result.reason() == null ? "" : ": " + result.reason()));
                });
                return written;
            } catch (RuntimeException e) {
                synchronized (buffer) {
                    buffer.addAll(0, batch);
                }
                log.trouble("write results (they stay buffered)", e);
                return 0;
            }
        }
    }
}
