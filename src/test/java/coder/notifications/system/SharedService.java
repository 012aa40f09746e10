package coder.notifications.system;

import coder.notifications.delivery.smtp.TestRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The one service of the suite, started on first use on the built-in database (the README's quick start) and
 * stopped gracefully when the test JVM ends. It delivers by webhook to the suite's receiver, with short
 * intervals so that retries and lease expiry happen within a test; a template switched to smtp goes to the
 * suite's mail relay. Its pages sign people in with the suite's OpenID Connect provider.
 */
final class SharedService {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final Map<String, String> SETTINGS = Map.of(
            "CODER_NOTIFICATIONS_METHOD", "webhook",
            "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", RECEIVER.endpoint(),
            "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS", "3",
            "CODER_NOTIFICATIONS_RETRY_INTERVAL", "1s",
            "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "3s",
            "CODER_NOTIFICATIONS_LEASE_PERIOD", "6s",
            "CODER_NOTIFICATIONS_FETCH_INTERVAL", "2s",
            "CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL", "200ms",
            "CODER_ACCESS_URL", "https://coder.example.com");

    /**
     * {@link #SETTINGS} for a service of a test's own that counts deliveries exactly, with a dispatch timeout and a
     * lease far beyond any send of a busy machine: a send that overran the shared 3 s is sent again (at least once,
     * by design), and a lease of 6 s can expire under a slow batch, and either would count as a duplicate there.
     */
    static Map<String, String> patientSettings() {
        var settings = new java.util.HashMap<>(SETTINGS);
        settings.put("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "20s");
        settings.put("CODER_NOTIFICATIONS_LEASE_PERIOD", "60s");
        return settings;
    }

    static final TestRelay RELAY = TestRelay.plain();
    static final MockOAuth2Server OIDC = startProvider();
    static final String OIDC_ISSUER = "default";
    static final String OIDC_CLIENT = "coder-notifications";
    static final int PORT = freePort();
    /** The two secrets webhooks are signed with, as during a rotation. */
    static final String WEBHOOK_SECRETS = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw whsec_"
            + java.util.Base64.getEncoder()
                    .encodeToString(
                            "the next secret, 32 bytes long!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** Where people reach the pages: the links of emails and webhooks are built on it. */
    static final String PUBLIC_URL = "http://127.0.0.1:" + PORT;

    private static ServiceProcess service;

    private SharedService() {}

    static synchronized ServiceProcess get() {
        if (service == null) {
            var settings = new HashMap<>(SETTINGS);
            settings.put("CODER_HTTP_PORT", Integer.toString(PORT));
            settings.put("CODER_NOTIFICATIONS_PUBLIC_URL", PUBLIC_URL);
            settings.put("CODER_EMAIL_FROM", "Coder <notifications@example.com>");
            settings.put("CODER_EMAIL_SMARTHOST", RELAY.smarthost());
            settings.put("CODER_OIDC_ISSUER_URL", OIDC.issuerUrl(OIDC_ISSUER).toString());
            settings.put("CODER_OIDC_CLIENT_ID", OIDC_CLIENT);
            settings.put("CODER_OIDC_CLIENT_SECRET", "client-secret");
            settings.put("CODER_NOTIFICATIONS_WEBHOOK_SECRET", WEBHOOK_SECRETS);
            service = ServiceProcess.start("shared", settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    service.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return service;
    }

    private static MockOAuth2Server startProvider() {
        var provider = new MockOAuth2Server();
        provider.start();
        return provider;
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
