package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Single events sent at the same moment are stored together (one transaction per group), yet every request gets
 * exactly the answer it would have got alone: its own message, its 400 naming the field, or "duplicate".
 */
class GroupedEnqueueIT {

    @Test
    void concurrentSingleEventsEachGetTheirOwnAnswer() throws Exception {
        var api = new Api(SharedService.get());
        var user = api.user("Grace Group", "member");
        // One user per distinct event, so that an answer given to the wrong request would name the wrong user.
        var users = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            users.add(api.user("Group Member " + i, "member"));
        }
        var unknown = UUID.randomUUID();
        var tasks = new ArrayList<Callable<Response>>();
        var start = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            var event = MessageLifecycleIT.workspaceDeleted(users.get(i), "group-" + i);
            tasks.add(() -> {
                start.await();
                return api.event(event);
            });
        }
        for (int i = 0; i < 10; i++) {
            var event = MessageLifecycleIT.workspaceDeleted(unknown, "nobody-" + i);
            tasks.add(() -> {
                start.await();
                return api.event(event);
            });
        }
        for (int i = 0; i < 10; i++) {
            var event = MessageLifecycleIT.workspaceDeleted(user, "the-same-one");
            tasks.add(() -> {
                start.await();
                return api.event(event);
            });
        }
        var pool = Executors.newFixedThreadPool(tasks.size());
        List<Future<Response>> answers;
        try {
            answers = tasks.stream().map(pool::submit).toList();
            start.countDown();
            var ids = new HashSet<String>();
            for (int i = 0; i < 20; i++) {
                var answer = answers.get(i).get();
                assertEquals(202, answer.statusCode(), answer.asString());
                assertEquals(
                        List.of(users.get(i).toString(), users.get(i).toString()),
                        answer.jsonPath().getList("messages.user_id"),
                        "the method's message and the inbox's");
                var id = answer.jsonPath().getString("messages[0].id");
                ids.add(id);
                assertEquals(users.get(i).toString(), api.message(id).get("user_id"), "the message is the request's");
            }
            assertEquals(20, ids.size(), "twenty distinct messages");
            for (int i = 20; i < 30; i++) {
                var answer = answers.get(i).get();
                assertEquals(400, answer.statusCode(), answer.asString());
                assertEquals("user_id", answer.jsonPath().getString("validations[0].field"));
                assertTrue(answer.jsonPath().getString("validations[0].detail").contains(unknown.toString()));
            }
            int created = 0;
            int duplicates = 0;
            for (int i = 30; i < 40; i++) {
                var answer = answers.get(i).get();
                assertEquals(202, answer.statusCode(), answer.asString());
                created += answer.jsonPath()
                        .getList("messages.findAll { it.method == 'webhook' }")
                        .size();
                duplicates += answer.jsonPath().getList("skipped").stream()
                        .filter(skipped -> "duplicate".equals(((Map<?, ?>) skipped).get("reason")))
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
        var api = new Api(SharedService.get());
        var user = api.user("Cross Batches", "member");
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                var events = new ArrayList<Map<String, Object>>();
                for (int i = 0; i < 1000; i++) {
                    events.add(MessageLifecycleIT.workspaceDeleted(user, "cross-" + round + "-" + i));
                }
                var reversed = new ArrayList<>(events);
                Collections.reverse(reversed);
                var start = new CountDownLatch(1);
                var answers = List.of(events, reversed).stream()
                        .map(batch -> pool.submit(() -> {
                            start.await();
                            return api.request().body(Map.of("events", batch)).post("/notifications/events/batch");
                        }))
                        .toList();
                start.countDown();
                int created = 0;
                int duplicates = 0;
                for (var future : answers) {
                    var answer = future.get();
                    assertEquals(200, answer.statusCode(), "round " + round + ": " + answer.asString());
                    created += answer.jsonPath()
                            .getList("results.messages.flatten().findAll { it.method == 'webhook' }")
                            .size();
                    duplicates += answer.jsonPath()
                            .getList("results.skipped.flatten().findAll { it.reason == 'duplicate' }")
                            .size();
                }
                assertEquals(1000, created, "round " + round + ": each event stored once");
                assertEquals(1000, duplicates, "round " + round + ": and a duplicate for the other batch");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
