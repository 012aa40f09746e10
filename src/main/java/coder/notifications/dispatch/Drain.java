package coder.notifications.dispatch;

import coder.notifications.lifecycle.NotifierLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Works a queue off whenever woken, one run at a time on a worker: a run takes rounds while each finds a full batch
 * (more may wait), and a wake-up that arrives during a run makes it look once more, so no wake-up is lost.
 */
final class Drain {

    /** One round: answers whether it found a full batch, so that another round should follow at once. */
    interface Round {
        boolean full() throws InterruptedException;
    }

    private final String what;
    private final ExecutorService workers;
    private final BooleanSupplier running;
    private final Round round;
    private final NotifierLog log;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenAgain = new AtomicBoolean();

    Drain(String what, ExecutorService workers, BooleanSupplier running, Round round, NotifierLog log) {
        this.what = what;
        this.workers = workers;
        this.running = running;
        this.round = round;
        this.log = log;
    }

    /** Asks for a run; if one is under way it goes round once more. */
    void wake() {
        if (!running.getAsBoolean()) {
            return;
        }
        wokenAgain.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                workers.submit(this::run);
            } catch (RuntimeException e) {
                draining.set(false);
                log.warning("could not start to " + what, e);
            }
        }
    }

    /** Whether a run is under way. */
    boolean busy() {
        return draining.get();
    }

    private void run() {
        try {
            while (running.getAsBoolean() && wokenAgain.getAndSet(false)) {
                // While a backlog exists, go again at once instead of waiting for the next wake-up.
                while (running.getAsBoolean() && round.full()) {
                    wokenAgain.set(false);
                }
            }
            log.recovered(what);
        } catch (RuntimeException e) {
            log.trouble(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            draining.set(false);
            if (wokenAgain.get() && running.getAsBoolean()) {
                wake();
            }
        }
    }
}
