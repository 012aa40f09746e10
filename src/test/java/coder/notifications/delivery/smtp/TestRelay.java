package coder.notifications.delivery.smtp;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/** A real SMTP server (SubEthaSMTP) that keeps what it receives; STARTTLS, implicit TLS and AUTH as asked. */
public final class TestRelay implements AutoCloseable {

    public static final String USER = "mailer";
    public static final String PASSWORD = "s3cret-pa55";

    public final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    final Set<String> sessions = ConcurrentHashMap.newKeySet();
    volatile RejectException reject;
    private final SMTPServer server;

    private TestRelay(Consumer<SMTPServer.Builder> options) {
        this(0, options);
    }

    private TestRelay(int port, Consumer<SMTPServer.Builder> options) {
        // Idle connections end after 5 s: the deliverer keeps its connection for reuse, and stopping the server
        // waits for open sessions.
        var builder = SMTPServer.port(port)
                .bindAddress(java.net.InetAddress.getLoopbackAddress())
                .connectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .messageHandler((context, from, to, data) -> {
                    sessions.add(context.getSessionId());
                    if (reject != null) {
                        throw reject;
                    }
                    try {
                        received.add(
                                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        options.accept(builder);
        server = builder.build();
        server.start();
    }

    /** Plain SMTP on connect; STARTTLS offered (and required) with the context; AUTH PLAIN/LOGIN required. */
    public static TestRelay startTls(SSLContext tls, boolean offerTls) {
        return new TestRelay(builder -> {
            builder.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(TestRelay::login))
                    .requireAuth();
            if (offerTls) {
                builder.enableTLS().requireTLS().startTlsSocketFactory(tls);
            }
        });
    }

    /** Lists CRAM-MD5 before PLAIN and LOGIN, refusing it: a client must pick a mechanism it was configured for. */
    static TestRelay craMd5First(SSLContext tls) {
        var cramFirst = new org.subethamail.smtp.auth.MultipleAuthenticationHandlerFactory();
        cramFirst.addFactory(new org.subethamail.smtp.AuthenticationHandlerFactory() {
            @Override
            public List<String> getAuthenticationMechanisms() {
                return List.of("CRAM-MD5");
            }

            @Override
            public org.subethamail.smtp.AuthenticationHandler create() {
                return new org.subethamail.smtp.AuthenticationHandler() {
                    @Override
                    public java.util.Optional<String> auth(
                            String clientInput, org.subethamail.smtp.MessageContext context) throws RejectException {
                        throw new RejectException(535, "5.7.8 CRAM-MD5 is not accepted here");
                    }

                    @Override
                    public Object getIdentity() {
                        return null;
                    }
                };
            }
        });
        cramFirst.addFactory(new EasyAuthenticationHandlerFactory(TestRelay::login));
        return new TestRelay(builder -> builder.authenticationHandlerFactory(cramFirst)
                .requireAuth()
                .enableTLS()
                .requireTLS()
                .startTlsSocketFactory(tls));
    }

    static TestRelay startTlsWithClientCertificate(SSLContext tls) {
        return new TestRelay(builder -> builder.enableTLS().requireTLS().startTlsSocketFactory(tls, true));
    }

    /** TLS from the first byte, as on port 465. */
    static TestRelay implicitTls(SSLContext tls) {
        return new TestRelay(builder -> builder.serverSocketFactory(tls)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(TestRelay::login)));
    }

    public static TestRelay plain() {
        return new TestRelay(builder -> {});
    }

    /** Plain SMTP without AUTH on a given port. */
    public static TestRelay plainOn(int port) {
        return new TestRelay(port, builder -> {});
    }

    private static void login(String username, String password, org.subethamail.smtp.MessageContext context)
            throws LoginFailedException {
        if (!USER.equals(username) || !PASSWORD.equals(password)) {
            throw new LoginFailedException();
        }
    }

    public String smarthost() {
        return "localhost:" + server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
