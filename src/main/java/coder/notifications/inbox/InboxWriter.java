package coder.notifications.inbox;

import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.lifecycle.ServiceStopping;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores the items of concurrent inbox deliveries together: while one statement is being written, the items that
 * arrive wait and go into the next, so a leased batch's items share one INSERT and one commit instead of a commit
 * (and its WAL flush) each. A delivery waits for its item's statement; it is delivered only once that committed.
 */
@ApplicationScoped
public class InboxWriter {

    /** Items per statement at most. */
    static final int MOST = 500;

    private record Pending(NewItem item, CompletableFuture<Boolean> stored) {}

    /**
     * The writer runs on a thread of its own, made by the container's thread factory, not on the server's shared
     * executor: a delivery waits for its item's statement, and on the shared executor, busy with requests and
     * batches, that statement could wait in its queue until the server grows the pool, a second or more.
     */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService executor;

    @Inject
    InboxStore store;

    @Inject
    NotifierLog log;

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    @PostConstruct
    void startWriter() {
        executor = Executors.newSingleThreadExecutor(threads);
    }

    /**
     * After the notifier has finished its batches (priority 100), whose deliveries wait for their items, and before
     * the database stops (10 000). An item offered later fails its delivery, which is then tried again.
     */
    void stopWriter(@Observes @Priority(9_000) ServiceStopping stopping) {
        executor.shutdown();
    }

    /** Completes with whether the item was new (false: a redelivery found it stored already). */
    CompletableFuture<Boolean> write(NewItem item) {
        var stored = new CompletableFuture<Boolean>();
        pending.add(new Pending(item, stored));
        startWriting();
        return stored;
    }

    private void startWriting() {
        if (!pending.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                executor.execute(this::writeAll);
            } catch (RuntimeException e) {
                writing.set(false);
                failAll(e);
            }
        }
    }

    private void writeAll() {
        try {
            List<Pending> group;
            while (!(group = next()).isEmpty()) {
                try {
                    var inserted =
                            store.writeAll(group.stream().map(Pending::item).toList());
                    group.forEach(each ->
                            each.stored().complete(inserted.contains(each.item().id())));
                } catch (RuntimeException e) {
                    group.forEach(each -> each.stored().completeExceptionally(e));
                }
            }
        } finally {
            writing.set(false);
            // An item added after the last look but before the flag was cleared is written by a new writer.
            startWriting();
        }
    }

    private List<Pending> next() {
        var group = new ArrayList<Pending>();
        Pending each;
        while (group.size() < MOST && (each = pending.poll()) != null) {
            group.add(each);
        }
        return group;
    }

    private void failAll(RuntimeException e) {
        Pending each;
        while ((each = pending.poll()) != null) {
            each.stored().completeExceptionally(e);
        }
        log.warning("could not start writing inbox items", e);
    }
}
