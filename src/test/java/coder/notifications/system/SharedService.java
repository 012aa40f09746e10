package coder.notifications.system;

import java.util.Map;

/**
 * The one service of the suite, started on first use on the built-in database (the README's quick start) and
 * stopped gracefully when the test JVM ends.
 */
final class SharedService {

    private static ServiceProcess service;

    private SharedService() {
    }

    static synchronized ServiceProcess get() {
        if (service == null) {
            service = ServiceProcess.start("shared", Map.of());
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
