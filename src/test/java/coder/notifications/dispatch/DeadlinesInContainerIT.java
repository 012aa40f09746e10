package coder.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.NotifierSettings;
import coder.notifications.incontainer.Deployments;
import coder.notifications.incontainer.HeldClock;
import coder.notifications.incontainer.Rows;
import coder.notifications.incontainer.SlowReceiver;
import coder.notifications.incontainer.Transactions;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.Result;
import coder.notifications.preferences.PreferenceStore;
import coder.notifications.templates.TemplateCache;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sender's deadlines and the notifier's choices inside the container, on a clock the test holds
 * ({@link HeldClock}): a send that overruns the dispatch timeout (one minute here) is cancelled and retried when the
 * test moves the clock past it, not after a minute; its retry time is the retry interval from the result's write;
 * and a preference changed after enqueue inhibits the message at its lease. Deliveries go to a real HTTP server
 * in the container's JVM. A send that cannot start within the timeout is one whose worker came too late: here the
 * clock jumps past the timeout right after the sender fixed the batch's start deadline, before any send began.
 */
@ExtendWith(ArquillianExtension.class)
class DeadlinesInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.service(DeadlinesInContainerIT.class, HeldClock.class, TestClock.class, SlowReceiver.class);
    }

    @Inject
    BatchSender sender;

    @Inject
    MessageStore messages;

    @Inject
    PreferenceStore preferences;

    @Inject
    TemplateCache templates;

    @Inject
    NotifierSettings settings;

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
    void aSendThatOverrunsTheDispatchTimeoutIsCancelledAndRetriedAfterTheRetryInterval() throws Exception {
        assertEquals(Duration.ofMinutes(1), settings.dispatchTimeout());
        var leased = enqueueAndLease();
        try (var receiver = new SlowReceiver()) {
            var results = CompletableFuture.supplyAsync(() -> sender.send(leased, templatesOf(leased)));
            receiver.awaitDelivery();
            // Still within its minute: the send goes on, however long this machine takes to get here.
            HeldClock.CLOCK.advance(Duration.ofSeconds(59));
            assertTrue(!results.isDone());
            HeldClock.CLOCK.advance(Duration.ofSeconds(2));
            var result = results.get(30, TimeUnit.SECONDS).get(0);
            assertEquals(Result.Kind.RETRYABLE, result.kind());
            assertEquals("dispatch timed out after 1m0s", result.reason());
            assertEquals(1, receiver.received());
            assertEquals(
                    1,
                    transactions.inNew(() ->
                            messages.record(List.of(result), settings.maxSendAttempts(), settings.retryInterval())));
        }
        var id = leased.get(0).id();
        assertEquals("temporary_failure", column(id, "status"));
        assertEquals("1", column(id, "attempt_count"));
        assertEquals("300", column(id, "EXTRACT(EPOCH FROM next_retry_after - updated_at)::int"));
    }

    @Test
    void aSendThatCannotStartWithinTheTimeoutIsReleasedWithoutUsingAnAttempt() throws Exception {
        var leased = enqueueAndLease();
        try (var receiver = new SlowReceiver()) {
            receiver.answer();
            // The sender's first reading (on this thread) fixes "start by"; every later one is two minutes on.
            HeldClock.CLOCK.advanceAfterMyNextReading(Duration.ofMinutes(2));
            var result = sender.send(leased, templatesOf(leased)).get(0);
            assertEquals(Result.Kind.RELEASED, result.kind());
            assertEquals(BatchSender.RELEASED, result.reason());
            assertEquals(0, receiver.received(), "never sent");
            transactions.inNew(() -> messages.record(List.of(result), 3, Duration.ofMinutes(5)));
        }
        var id = leased.get(0).id();
        assertEquals("pending", column(id, "status"), "handed back at once");
        assertEquals("0", column(id, "attempt_count"), "no attempt used");
    }

    @Test
    void aPreferenceChangedAfterEnqueueInhibitsTheMessageAtItsLease() throws Exception {
        var id = enqueue();
        transactions.inNew(() -> {
            preferences.set(user, Map.of(Rows.WORKSPACE_DELETED, true));
            return null;
        });
        var leased = lease();
        assertTrue(leased.get(0).disabled());
        try (var receiver = new SlowReceiver()) {
            receiver.answer();
            var result = sender.send(leased, templatesOf(leased)).get(0);
            assertEquals(Result.Kind.INHIBITED, result.kind());
            transactions.inNew(() -> messages.record(List.of(result), 3, Duration.ofMinutes(5)));
            assertEquals(0, receiver.received(), "nothing was sent");
        }
        assertEquals("inhibited", column(id, "status"));
        assertEquals("0", column(id, "attempt_count"));
    }

    private UUID enqueue() throws Exception {
        var draft = Rows.message(user, null);
        transactions.inNew(() -> messages.enqueue(List.of(draft)));
        return draft.id();
    }

    private List<LeasedMessage> enqueueAndLease() throws Exception {
        enqueue();
        return lease();
    }

    private List<LeasedMessage> lease() throws Exception {
        var leased = transactions.inNew(() -> messages.lease("deadlines", 10, Duration.ofMinutes(5), 3));
        assertEquals(1, leased.size());
        return leased;
    }

    private Map<UUID, coder.notifications.templates.Template> templatesOf(List<LeasedMessage> leased) {
        return templates.byIds(leased.stream().map(LeasedMessage::templateId).toList());
    }

    private String column(UUID id, String expression) {
        return rows.text("SELECT " + expression + " FROM notification_messages WHERE id = '" + id + "'");
    }
}
