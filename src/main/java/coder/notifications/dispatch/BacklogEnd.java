package coder.notifications.dispatch;

/**
 * Tells the notifier when it has just worked off a backlog, so that the backlog's last results are written at once
 * instead of up to one {@code store_sync_interval} later (until then the messages show as leased). A backlog is a
 * lease that came back full; it ends when a lease comes back short (the queue ran dry) and no batch is left in
 * flight. At a steady trickle no lease is full, so this adds no write there: results are written by buffer size and
 * interval, as before. Thread-safe; pure bookkeeping.
 */
final class BacklogEnd {

    private int inFlight;
    private boolean backlog;
    private boolean dry;

    /**
     * A lease of {@code leased} messages out of {@code asked}; a non-empty one is now in flight until {@link #sent}.
     * Answers whether to write the buffered results now (the queue ran dry after the last batch had finished).
     */
    synchronized boolean leased(int leased, int asked) {
        if (leased >= asked) {
            backlog = true;
        }
        dry = leased < asked;
        if (leased > 0) {
            inFlight++;
            return false;
        }
        return ended();
    }

    /** A leased batch is done (its results buffered, or given up); answers whether to write the buffered results now. */
    synchronized boolean sent() {
        inFlight--;
        return ended();
    }

    private boolean ended() {
        if (inFlight == 0 && dry && backlog) {
            backlog = false;
            return true;
        }
        return false;
    }
}
