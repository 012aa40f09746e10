package coder.notifications.enqueue;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.lifecycle.ServiceStopping;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single events reported at about the same moment share one transaction: a writer takes every event waiting,
 * stores them with one statement and one commit, and answers each request with its own result, exactly what
 * it would have got alone (its messages, its skipped recipients, or its 400). A request waits only for the
 * group it joined; while a group is written the next one gathers. Under load this turns one transaction per
 * event into one per group, the cost that dominates a small enqueue; at low load a group is one event.
 * A failure of the group's transaction (the database is away) is each of its requests' failure.
 */
@ApplicationScoped
public class GroupedEnqueue {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Enqueuer enqueuer;

    private record Waiting(EventRequest event, CompletableFuture<Object> answer) {}

    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private ExecutorService writer;

    @PostConstruct
    void startWriter() {
        writer = Executors.newSingleThreadExecutor(threads);
    }

    /** Before the notifier stops (priority 100): the groups already gathered are still written. */
    void stopWriter(@Observes @Priority(50) ServiceStopping stopping) {
        writer.shutdown();
    }

    public EnqueueResult enqueue(EventRequest event) {
        var mine = new Waiting(event, new CompletableFuture<>());
        waiting.add(mine);
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::writeGroups);
            } catch (RejectedExecutionException e) {
                // Shutting down: no writer any more, so this request writes what waits itself.
                writeGroups();
            }
        }
        Object answer;
        try {
            answer = mine.answer().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("enqueue failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the event was being stored", e);
        }
        if (answer instanceof InvalidRequestException refused) {
            throw refused;
        }
        return (EnqueueResult) answer;
    }

    private void writeGroups() {
        while (true) {
            var group = new ArrayList<Waiting>();
            for (Waiting next; group.size() < Enqueuer.MAX_BATCH && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                writing.set(false);
                // An event added after the poll above but before the flag was cleared has no writer yet.
                if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                var answers =
                        enqueuer.enqueueEach(group.stream().map(Waiting::event).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).answer().complete(answers.get(i));
                }
            } catch (RuntimeException | Error e) {
                group.forEach(each -> each.answer().completeExceptionally(e));
            }
        }
    }
}
