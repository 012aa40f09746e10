package coder.notifications.system;

import java.util.Map;

/**
 * The one service of the suite, started on first use on the built-in database (the README's quick start) and
 * stopped gracefully when the test JVM ends. It delivers by webhook to the suite's receiver, with short
 * intervals so that retries and lease expiry happen within a test.
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

    private static ServiceProcess service;

    private SharedService() {
    }

    static synchronized ServiceProcess get() {
        if (service == null) {
            service = ServiceProcess.start("shared", SETTINGS);
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
}
