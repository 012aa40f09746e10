package coder.notifications.inbox;

import coder.notifications.lifecycle.NotifierLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    @Resource
    ManagedExecutorService executor;

    @Inject
    InboxStore store;

    @Inject
    NotifierLog log;

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

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
