package coder.notifications.delivery.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connected, authenticated SMTP transports kept for reuse, so a batch to one relay does not reconnect and
 * re-authenticate for every message. A transport idle for longer than {@link #IDLE} is closed instead of used.
 */
final class TransportPool {

    static final Duration IDLE = Duration.ofSeconds(30);

    private record Idle(Transport transport, Instant since) {}

    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();

    /** The deliverer's clock: whether a transport has idled too long is read from it, so a test can move it. */
    private final Clock clock;

    TransportPool(Clock clock) {
        this.clock = clock;
    }

    Transport take(Session session) throws MessagingException {
        for (var candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            if (candidate.since().plus(IDLE).isAfter(clock.instant())
                    && candidate.transport().isConnected()) {
                return candidate.transport();
            }
            close(candidate.transport());
        }
        var transport = session.getTransport("smtp");
        transport.connect();
        return transport;
    }

    void giveBack(Transport transport) {
        idle.addFirst(new Idle(transport, clock.instant()));
    }

    void discard(Transport transport) {
        close(transport);
    }

    void closeAll() {
        for (var candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            close(candidate.transport());
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // already gone: nothing to release
        }
    }
}
