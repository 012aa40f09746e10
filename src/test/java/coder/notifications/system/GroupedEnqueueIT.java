package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.EventsApi;
import coder.notifications.client.EventsApi.Batch;
import coder.notifications.client.EventsApi.Enqueued;
import coder.notifications.client.EventsApi.Event;
import coder.notifications.client.EventsApi.Results;
import coder.notifications.client.MessagesApi;
import coder.notifications.client.Problem;
import coder.notifications.client.UsersApi;
import coder.notifications.security.EvaluationKeys;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/**
 * Single events sent at the same moment are stored together (one transaction per group), yet every request gets
 * exactly the answer it would have got alone: its own message, its 400 naming the field, or "duplicate".
 */
@MicroShedTest
public class GroupedEnqueueIT {

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static UsersApi users;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static EventsApi events;

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static MessagesApi messages;

    /** What a concurrent call answered: its result, or the refusal it met. */
    private static Object answerOf(Event event) {
        try {
            return events.report(event);
        } catch (BadRequestException refused) {
            return Problem.of(refused);
        }
    }

    @Test
    void concurrentSingleEventsEachGetTheirOwnAnswer() throws Exception {
        var user = Clients.user(users, "Grace Group", "member");
        // One user per distinct event, so that an answer given to the wrong request would name the wrong user.
        var distinct = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            distinct.add(Clients.user(users, "Group Member " + i, "member"));
        }
        var unknown = UUID.randomUUID();
        var tasks = new ArrayList<Callable<Object>>();
        var start = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            var event = MessageLifecycleIT.workspaceDeletedEvent(distinct.get(i), "group-" + i);
            tasks.add(() -> {
                start.await();
                return answerOf(event);
            });
        }
        for (int i = 0; i < 10; i++) {
            var event = MessageLifecycleIT.workspaceDeletedEvent(unknown, "nobody-" + i);
            tasks.add(() -> {
                start.await();
                return answerOf(event);
            });
        }
        for (int i = 0; i < 10; i++) {
            var event = MessageLifecycleIT.workspaceDeletedEvent(user, "the-same-one");
            tasks.add(() -> {
                start.await();
                return answerOf(event);
            });
        }
        var pool = Executors.newFixedThreadPool(tasks.size());
        List<Future<Object>> answers;
        try {
            answers = tasks.stream().map(pool::submit).toList();
            start.countDown();
            var ids = new HashSet<UUID>();
            for (int i = 0; i < 20; i++) {
                var answer = (Enqueued) answers.get(i).get();
                assertEquals(
                        List.of(distinct.get(i), distinct.get(i)),
                        answer.messages().stream()
                                .map(EventsApi.Created::userId)
                                .toList(),
                        "the method's message and the inbox's");
                var id = answer.delivered().id();
                ids.add(id);
                assertEquals(distinct.get(i), messages.find(id.toString()).userId(), "the message is the request's");
            }
            assertEquals(20, ids.size(), "twenty distinct messages");
            for (int i = 20; i < 30; i++) {
                var refused = (Problem) answers.get(i).get();
                assertEquals("user_id", refused.validations().get(0).field());
                assertTrue(refused.validations().get(0).detail().contains(unknown.toString()));
            }
            int created = 0;
            int duplicates = 0;
            for (int i = 30; i < 40; i++) {
                var answer = (Enqueued) answers.get(i).get();
                created += (int) answer.messages().stream()
                        .filter(message -> message.method().equals("webhook"))
                        .count();
                duplicates += (int) answer.skipped().stream()
                        .filter(skipped -> skipped.reason().equals("duplicate"))
                        .count();
            }
            assertEquals(1, created, "the identical event is stored once");
            assertEquals(9, duplicates, "and answered as a duplicate to every other request");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two batches of the same events in opposite orders, at once: each row waits for the other transaction's
     * identical row, so inserted in request order they would lock each other (PostgreSQL then aborts one with a
     * deadlock). Rows are inserted in the order of their dedupe hash, the same in every statement: one batch
     * stores them all, the other is told "duplicate", and neither fails.
     */
    @Test
    void identicalBatchesInOppositeOrdersAtOnceBothSucceed() throws Exception {
        var user = Clients.user(users, "Cross Batches", "member");
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                var batch = new ArrayList<Event>();
                for (int i = 0; i < 1000; i++) {
                    batch.add(MessageLifecycleIT.workspaceDeletedEvent(user, "cross-" + round + "-" + i));
                }
                var reversed = new ArrayList<>(batch);
                Collections.reverse(reversed);
                var start = new CountDownLatch(1);
                var answers = List.of(batch, reversed).stream()
                        .map(each -> pool.submit(() -> {
                            start.await();
                            return events.reportAll(new Batch(each));
                        }))
                        .toList();
                start.countDown();
                int created = 0;
                int duplicates = 0;
                for (var future : answers) {
                    var answer = future.get();
                    assertEquals(200, answer.getStatus(), "round " + round);
                    for (var result : answer.readEntity(Results.class).results()) {
                        created += (int) result.messages().stream()
                                .filter(message -> message.method().equals("webhook"))
                                .count();
                        duplicates += (int) result.skipped().stream()
                                .filter(skipped -> skipped.reason().equals("duplicate"))
                                .count();
                    }
                }
                assertEquals(1000, created, "round " + round + ": each event stored once");
                assertEquals(1000, duplicates, "round " + round + ": and a duplicate for the other batch");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
