package coder.notifications.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.incontainer.Deployments;
import coder.notifications.incontainer.Rows;
import coder.notifications.incontainer.Transactions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lease and its fence inside the container: the real {@link MessageStore} with JTA, CDI and the server's data
 * source on PostgreSQL. The deployment's notifier stays idle, so what a test leases nobody else does.
 */
@ExtendWith(ArquillianExtension.class)
class LeaseInContainerIT {

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 3;

    @Deployment
    static WebArchive deployment() {
        return Deployments.service(LeaseInContainerIT.class);
    }

    @Inject
    MessageStore messages;

    @Inject
    Transactions transactions;

    @Inject
    Rows rows;

    private UUID user;

    @BeforeEach
    void emptyQueue() {
        rows.emptyQueue();
        user = rows.newUser();
    }

    @Test
    void theOldestSendableMessagesAreLeasedFirst() throws Exception {
        var ids = enqueue(4);
        // Created a minute apart: the first enqueued is the newest, the last the oldest.
        for (int i = 0; i < ids.size(); i++) {
            rows.update("UPDATE notification_messages SET created_at = now() - interval '" + (i + 1)
                    + " minutes' WHERE id = '" + ids.get(i) + "'");
        }
        // The batch is a set: RETURNING promises no order, and the sends of a batch run concurrently anyway.
        assertEquals(Set.of(ids.get(3), ids.get(2)), idsOf(lease(2)));
        assertEquals("leased", status(ids.get(3)));
        assertEquals("pending", status(ids.get(1)));
    }

    @Test
    void concurrentLeasesSkipEachOthersRowsWithoutWaiting() throws Exception {
        var ids = enqueue(4);
        var firstHolds = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // The first lease's transaction stays open, its rows locked, until the second lease has answered.
        var first = CompletableFuture.supplyAsync(() -> {
            try {
                return transactions.inNew(() -> {
                    var leased = messages.lease("first", 2, PERIOD, MAX_ATTEMPTS);
                    firstHolds.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return leased;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstHolds.await(30, TimeUnit.SECONDS));
        // SKIP LOCKED: the second lease takes the other two at once instead of waiting for the first to commit
        // (waiting, it would time out here while the first holds its rows).
        var second = CompletableFuture.supplyAsync(() -> lease(4));
        var secondIds = idsOf(second.get(20, TimeUnit.SECONDS));
        release.countDown();
        var firstIds = idsOf(first.get(30, TimeUnit.SECONDS));
        assertEquals(2, firstIds.size());
        assertEquals(2, secondIds.size());
        assertTrue(firstIds.stream().noneMatch(secondIds::contains), firstIds + " and " + secondIds);
        var all = new HashSet<>(firstIds);
        all.addAll(secondIds);
        assertEquals(Set.copyOf(ids), all);
    }

    @Test
    void aMessageThatUsedEveryAttemptIsNeverLeasedAgain() throws Exception {
        var ids = enqueue(2);
        rows.update("UPDATE notification_messages SET status = 'temporary_failure', next_retry_after = now(),"
                + " attempt_count = " + (MAX_ATTEMPTS - 1) + " WHERE id = '" + ids.get(0) + "'");
        rows.update("UPDATE notification_messages SET status = 'temporary_failure', next_retry_after = now(),"
                + " attempt_count = " + MAX_ATTEMPTS + " WHERE id = '" + ids.get(1) + "'");
        assertEquals(Set.of(ids.get(0)), idsOf(lease(10)));
    }

    @Test
    void aRetryWaitsForItsTimeAndAnExpiredLeaseIsTakenAgain() throws Exception {
        var ids = enqueue(3);
        rows.update("UPDATE notification_messages SET status = 'temporary_failure', attempt_count = 1,"
                + " next_retry_after = now() + interval '1 minute' WHERE id = '" + ids.get(0) + "'");
        rows.update("UPDATE notification_messages SET status = 'leased', lease_token = gen_random_uuid(),"
                + " leased_until = now() + interval '1 minute' WHERE id = '" + ids.get(1) + "'");
        rows.update("UPDATE notification_messages SET status = 'leased', lease_token = gen_random_uuid(),"
                + " leased_until = now() - interval '1 second' WHERE id = '" + ids.get(2) + "'");
        assertEquals(Set.of(ids.get(2)), idsOf(lease(10)));
    }

    @Test
    void nothingIsLeasedWhileTheNotifierIsPaused() throws Exception {
        var ids = enqueue(2);
        rows.update("UPDATE notification_settings SET notifier_paused = true");
        assertEquals(List.of(), lease(10));
        assertEquals("pending", status(ids.get(0)));
        rows.update("UPDATE notification_settings SET notifier_paused = false");
        assertEquals(Set.copyOf(ids), idsOf(lease(10)));
    }

    @Test
    void aResultOfAnEndedLeaseIsDroppedAndTheCurrentLeasesResultIsWritten() throws Exception {
        var id = enqueue(1).get(0);
        var stale = lease(1).get(0);
        // The lease ends before its result arrives; another notifier leases the message again.
        rows.update(
                "UPDATE notification_messages SET leased_until = now() - interval '1 second' WHERE id = '" + id + "'");
        var current = lease(1).get(0);
        assertEquals(id, current.id());
        assertNotEquals(stale.leaseToken(), current.leaseToken());
        assertEquals(0, record(Result.sent(stale)));
        assertEquals("leased", status(id));
        assertEquals(1, record(Result.retryable(current, "relay busy")));
        assertEquals("temporary_failure", status(id));
        assertEquals(
                "relay busy", rows.text("SELECT status_reason FROM notification_messages WHERE id = '" + id + "'"));
        // A result is written once: the same lease's second result finds no lease to match.
        assertEquals(0, record(Result.sent(current)));
        assertEquals("1", rows.text("SELECT attempt_count FROM notification_messages WHERE id = '" + id + "'"));
    }

    /**
     * The scenario of two replicas: A's send failed and A still holds the result when its lease runs out; B leases
     * the message and delivers it; A's stale failure then arrives. Unfenced, it would take B's lease: B's success
     * dropped, the message retried and delivered a second time, with two attempts.
     */
    @Test
    void aStaleFailureNeverOverwritesTheNextLeasesDelivery() throws Exception {
        var id = enqueue(1).get(0);
        var a = lease(1).get(0);
        rows.update(
                "UPDATE notification_messages SET leased_until = now() - interval '1 second' WHERE id = '" + id + "'");
        var b = lease(1).get(0);
        assertEquals(0, record(Result.retryable(a, "relay busy")));
        assertEquals(1, record(Result.sent(b)));
        assertEquals("sent", status(id));
        assertEquals("1", rows.text("SELECT attempt_count FROM notification_messages WHERE id = '" + id + "'"));
        assertEquals(List.of(), lease(10), "nothing left to send again");
    }

    private List<UUID> enqueue(int count) throws Exception {
        var drafts = IntStream.range(0, count)
                .mapToObj(i -> Rows.message(user, null))
                .toList();
        var stored = transactions.inNew(() -> messages.enqueue(drafts));
        assertTrue(stored.stream().allMatch(Enqueued::stored), stored.toString());
        return drafts.stream().map(NewMessage::id).toList();
    }

    private List<LeasedMessage> lease(int count) {
        try {
            return transactions.inNew(() -> messages.lease("test", count, PERIOD, MAX_ATTEMPTS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int record(Result result) throws Exception {
        return transactions.inNew(() -> messages.record(List.of(result), MAX_ATTEMPTS, Duration.ofMinutes(1)));
    }

    private String status(UUID id) {
        return rows.text("SELECT status FROM notification_messages WHERE id = '" + id + "'");
    }

    private static Set<UUID> idsOf(List<LeasedMessage> leased) {
        return leased.stream().map(LeasedMessage::id).collect(Collectors.toSet());
    }
}
