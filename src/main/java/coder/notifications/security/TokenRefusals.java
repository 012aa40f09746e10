package coder.notifications.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts refused bearer tokens on {@code /metrics} ({@code notifications_refused_tokens_total{reason}}) and
 * logs them without their content, at most one line per client address per minute: a flood of bad tokens
 * cannot flood the log.
 */
@ApplicationScoped
public class TokenRefusals {

    private static final Logger LOG = Logger.getLogger(TokenRefusals.class.getName());
    static final Duration QUIET = Duration.ofMinutes(1);
    static final int MAX_CLIENTS = 10_000;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** The refusals of one client since its last log line. */
    private record Window(Instant logged, int unlogged) {}

    public void refused(String client, String reason) {
        registry.counter("notifications_refused_tokens", new Tag("reason", reason.replace(' ', '_')))
                .inc();
        if (windows.size() > MAX_CLIENTS) {
            windows.clear();
        }
        var now = clock.instant();
        var log = new boolean[1];
        var unlogged = new int[1];
        windows.compute(client, (address, last) -> {
            if (last == null || !now.isBefore(last.logged().plus(QUIET))) {
                log[0] = true;
                unlogged[0] = last == null ? 0 : last.unlogged();
                return new Window(now, 0);
            }
            return new Window(last.logged(), last.unlogged() + 1);
        });
        if (log[0]) {
            LOG.warning("notifications: refused a bearer token from " + client + " (" + reason + ")"
                    + (unlogged[0] > 0
                            ? "; " + unlogged[0] + " more were refused from there since the last such line"
                            : "")
                    + "; further refusals from this address are counted on /metrics and logged at most once a minute");
        }
    }
}
