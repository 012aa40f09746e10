package coder.notifications.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, for any unit test whose outcome depends on time: the test
 * decides when a deadline passes instead of sleeping until it does. Safe to read from the threads of the code
 * under test while the test moves it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;

    /** A jump armed for one thread's next reading: that reading still sees the time before it. */
    private final AtomicReference<Jump> armed = new AtomicReference<>();

    private record Jump(Thread reader, Duration by) {}

    /** Starts at the real time, so that times it gives look like times. */
    public TestClock() {
        this(Instant.now());
    }

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /**
     * Moves the clock forward right after the calling thread's next reading of it, as if that much time passed
     * between that reading and any later one (by any thread). Readings by other threads do not set it off.
     */
    public void advanceAfterMyNextReading(Duration duration) {
        armed.set(new Jump(Thread.currentThread(), duration));
    }

    @Override
    public Instant instant() {
        var jump = armed.get();
        if (jump != null && jump.reader() == Thread.currentThread() && armed.compareAndSet(jump, null)) {
            var before = now.get();
            advance(jump.by());
            return before;
        }
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
