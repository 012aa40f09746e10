package coder.notifications.enqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.incontainer.Deployments;
import coder.notifications.incontainer.Rows;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grouped enqueue inside the container: single events waiting together are written in one transaction, and each
 * caller still gets exactly its own answer (its messages, its refusal naming the field, or "duplicate"). The group
 * is made deterministic, not left to timing: the queue's table is locked while the first event is written, so the
 * rest gather behind it and are written as one group once the lock goes.
 */
@ExtendWith(ArquillianExtension.class)
class GroupedEnqueueInContainerIT {

    private static final String WORKSPACE_DELETED = Rows.WORKSPACE_DELETED.toString();

    @Deployment
    static WebArchive deployment() {
        return Deployments.service(GroupedEnqueueInContainerIT.class);
    }

    @Inject
    GroupedEnqueue grouped;

    @Inject
    Rows rows;

    /** One event's call, on its own thread, as one HTTP request's would be. */
    private record Call(Thread thread, CompletableFuture<Object> answer) {}

    @Test
    void distinctRefusedAndIdenticalEventsOfOneGroupEachGetTheirOwnAnswer() throws Exception {
        rows.emptyQueue();
        var distinct = new ArrayList<UUID>();
        for (int i = 0; i < 10; i++) {
            distinct.add(rows.newUser());
        }
        var same = rows.newUser();
        var unknown = UUID.randomUUID();
        var calls = new ArrayList<Call>();
        try (var lock = rows.lockQueue()) {
            // The first event's writer waits for the lock; everything sent meanwhile gathers into the next group.
            var first = call(event(rows.newUser(), "first"));
            rows.awaitLockWaiter();
            for (var user : distinct) {
                calls.add(call(event(user, "distinct")));
            }
            for (int i = 0; i < 5; i++) {
                calls.add(call(event(unknown, "nobody")));
            }
            for (int i = 0; i < 5; i++) {
                calls.add(call(event(same, "the same one")));
            }
            awaitWaiting(calls);
            lock.close();
            assertInstanceOf(EnqueueResult.class, first.answer().get());
        }
        var createdAt = new HashSet<String>();
        for (int i = 0; i < distinct.size(); i++) {
            var result = (EnqueueResult) calls.get(i).answer().get();
            assertEquals(List.of(), result.skipped());
            // The method's message and the inbox's, both for this caller's user.
            assertEquals(2, result.messages().size(), result.toString());
            for (var message : result.messages()) {
                assertEquals(distinct.get(i), message.userId());
                createdAt.add(rows.text("SELECT created_at FROM notification_messages WHERE id = '" + message.id()
                        + "' AND user_id = '" + distinct.get(i) + "'"));
                // The group's payloads are sent once per recipient and event, shared by the two messages: each
                // message has its own recipient's.
                assertEquals(
                        distinct.get(i).toString(),
                        rows.text("SELECT payload ->> 'user_id' FROM notification_messages WHERE id = '" + message.id()
                                + "'"));
            }
        }
        // now() is the transaction's start: one value for every message means one transaction for the group.
        assertEquals(1, createdAt.size(), createdAt.toString());
        for (int i = distinct.size(); i < distinct.size() + 5; i++) {
            var refused = assertInstanceOf(InvalidRequestException.class, failureOf(calls.get(i)));
            assertEquals("user_id", refused.error().validations().get(0).field());
            assertTrue(refused.error().validations().get(0).detail().contains(unknown.toString()));
        }
        int stored = 0;
        int duplicates = 0;
        for (int i = distinct.size() + 5; i < calls.size(); i++) {
            var result = (EnqueueResult) calls.get(i).answer().get();
            stored += result.messages().size();
            duplicates += (int) result.skipped().stream()
                    .filter(skipped -> skipped.reason().equals("duplicate"))
                    .count();
        }
        assertEquals(2, stored, "the identical event is stored once (its method's and its inbox's message)");
        assertEquals(4, duplicates, "and answered as a duplicate to each of the four others");
    }

    private static EventRequest event(UUID user, String workspace) {
        return EventRequest.toUser(WORKSPACE_DELETED, user, Map.of("name", workspace), "incontainer");
    }

    private Call call(EventRequest event) {
        var answer = new CompletableFuture<Object>();
        var thread = new Thread(() -> {
            try {
                answer.complete(grouped.enqueue(event));
            } catch (RuntimeException e) {
                answer.complete(e);
            }
        });
        thread.start();
        return new Call(thread, answer);
    }

    private static Object failureOf(Call call) throws Exception {
        return call.answer().get();
    }

    /** Every call has handed its event over and waits for its answer (a thread parks on its future). */
    private static void awaitWaiting(List<Call> calls) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!calls.stream().allMatch(call -> call.thread().getState() == Thread.State.WAITING)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the calls did not all wait for their answers within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
