package coder.notifications.database;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A copy of something read from the database, for the hot paths: read again once it is older than its
 * freshness, or at once after {@link #forget}. Readers never wait for each other except while one of them reads
 * a new copy. Changes made through another replica are therefore seen within the freshness.
 */
public final class FreshCopy<T> {

    private record Copy<T>(long readAtNanos, T value) {}

    private final Supplier<T> read;
    private final long freshForNanos;
    private volatile Copy<T> copy;

    public FreshCopy(Duration freshFor, Supplier<T> read) {
        this.read = read;
        this.freshForNanos = freshFor.toNanos();
    }

    public T get() {
        var current = copy;
        if (fresh(current)) {
            return current.value();
        }
        synchronized (this) {
            current = copy;
            if (!fresh(current)) {
                // Timed from before the read: a change committed while reading is not hidden for a whole period.
                var started = System.nanoTime();
                current = new Copy<>(started, read.get());
                copy = current;
            }
            return current.value();
        }
    }

    /** The next {@link #get} reads again. */
    public void forget() {
        copy = null;
    }

    private boolean fresh(Copy<T> current) {
        return current != null && System.nanoTime() - current.readAtNanos() < freshForNanos;
    }
}
