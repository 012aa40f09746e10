package coder.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BacklogEndTest {

    private static final int LEASE_COUNT = 20;

    private final BacklogEnd backlog = new BacklogEnd();

    @Test
    void aSteadyTrickleNeverAsksForAnExtraWrite() {
        for (int i = 0; i < 100; i++) {
            assertFalse(backlog.leased(i % 7 + 1, LEASE_COUNT));
            assertFalse(backlog.sent());
            assertFalse(backlog.leased(0, LEASE_COUNT));
        }
    }

    @Test
    void theLastBatchOfABacklogAsksOnceWhenItIsDone() {
        assertFalse(backlog.leased(LEASE_COUNT, LEASE_COUNT));
        assertFalse(backlog.leased(LEASE_COUNT, LEASE_COUNT));
        assertFalse(backlog.sent(), "the queue has not run dry yet");
        assertFalse(backlog.leased(3, LEASE_COUNT));
        assertFalse(backlog.sent(), "a batch is still in flight");
        assertTrue(backlog.sent(), "dry and nothing in flight");
        assertFalse(backlog.leased(0, LEASE_COUNT), "asked once per backlog");
        assertFalse(backlog.leased(2, LEASE_COUNT));
        assertFalse(backlog.sent(), "a trickle after the backlog");
    }

    @Test
    void anEmptyLeaseAfterTheLastBatchHasFinishedAsksAtOnce() {
        assertFalse(backlog.leased(LEASE_COUNT, LEASE_COUNT));
        assertFalse(backlog.sent(), "not dry yet: the next lease may be full again");
        assertTrue(backlog.leased(0, LEASE_COUNT));
    }

    @Test
    void aFullLeaseAfterAShortOneKeepsTheBacklogGoing() {
        assertFalse(backlog.leased(LEASE_COUNT, LEASE_COUNT));
        assertFalse(backlog.leased(5, LEASE_COUNT));
        assertFalse(backlog.leased(LEASE_COUNT, LEASE_COUNT), "new messages arrived: not dry any more");
        assertFalse(backlog.sent());
        assertFalse(backlog.sent());
        assertFalse(backlog.sent(), "the last lease was full: the queue may not be dry");
        assertTrue(backlog.leased(0, LEASE_COUNT));
    }
}
