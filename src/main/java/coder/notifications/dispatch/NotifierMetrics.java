package coder.notifications.dispatch;

import coder.notifications.messages.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What this replica's notifier did, on {@code /metrics}: messages leased, and results written by kind
 * ({@code notifications_results_total{kind="sent"}}, {@code retryable}, {@code permanent}, {@code inhibited}).
 */
@ApplicationScoped
public class NotifierMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void leased(int count) {
        registry.counter("notifications_leased").inc(count);
    }

    /** Results not written because their lease had ended (fenced). */
    void dropped(int count) {
        registry.counter("notifications_results_dropped").inc(count);
    }

    void recorded(Result result) {
        registry.counter(
                        "notifications_results",
                        new Tag("kind", result.kind().name().toLowerCase(Locale.ROOT)))
                .inc();
    }
}
