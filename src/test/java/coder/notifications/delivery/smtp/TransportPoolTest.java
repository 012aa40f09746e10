package coder.notifications.delivery.smtp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.dispatch.TestClock;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transport given back is reused until it has idled for {@link TransportPool#IDLE}, then closed and replaced,
 * as the pool's clock tells; the session's "smtp" transports are stand-ins that never touch the network.
 */
class TransportPoolTest {

    private final TestClock clock = new TestClock();
    private final TransportPool pool = new TransportPool(clock);
    private final Session session = Session.getInstance(new Properties());

    @BeforeEach
    void transportsAreStandIns() throws NoSuchProviderException {
        session.setProvider(
                new Provider(Provider.Type.TRANSPORT, "smtp", StandInTransport.class.getName(), "test", "1"));
    }

    @Test
    void aTransportGivenBackIsReusedWithinItsIdleTime() throws Exception {
        var transport = (StandInTransport) pool.take(session);
        pool.giveBack(transport);
        clock.advance(TransportPool.IDLE.minusSeconds(1));
        assertSame(transport, pool.take(session));
        assertFalse(transport.closed);
    }

    @Test
    void aTransportIdleForLongerIsClosedAndANewOneConnected() throws Exception {
        var transport = (StandInTransport) pool.take(session);
        pool.giveBack(transport);
        clock.advance(TransportPool.IDLE.plus(Duration.ofSeconds(1)));
        var next = pool.take(session);
        assertNotSame(transport, next);
        assertTrue(transport.closed, "the idle transport was closed, not leaked");
        assertTrue(next.isConnected());
    }

    /** Connects without a server; public, since the session makes it by reflection. */
    public static final class StandInTransport extends Transport {

        volatile boolean closed;

        public StandInTransport(Session session, URLName url) {
            super(session, url);
        }

        @Override
        protected boolean protocolConnect(String host, int port, String user, String password) {
            return true;
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) {}

        @Override
        public synchronized void close() throws jakarta.mail.MessagingException {
            closed = true;
            super.close();
        }
    }
}
