package coder.notifications.dispatch;

import coder.notifications.config.Method;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Coder's notifier metrics, with Coder's names, labels and buckets (SPEC 10), so that dashboards and alerts
 * written for {@code coderd_notifications_*} work unchanged. The two histograms are timers (exposed in
 * seconds, {@code _bucket}, {@code _sum}, {@code _count}) whose buckets are Coder's, set in
 * {@code META-INF/microprofile-config.properties}. {@code retry_count} keeps Coder's exact name (no
 * {@code _total} suffix), so it is exposed through a gauge that only ever grows.
 */
@ApplicationScoped
public class CoderMetrics {

    static final String PREFIX = "coderd_notifications_";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, AtomicLong> inflight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();

    /** The registry's metrics, looked up once each: a lookup by name and tags costs more than the update. */
    private final Map<Method, Timer> queued = new ConcurrentHashMap<>();

    private final Map<Method, Timer> sendTimes = new ConcurrentHashMap<>();
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();

    /** A dispatch begins: in flight, a retry when the message was tried before, and how long it was queued. */
    void dispatching(LeasedMessage message) {
        counter(inflight, "inflight_dispatches", message.method(), message.templateId())
                .incrementAndGet();
        if (message.attemptCount() > 0) {
            counter(retries, "retry_count", message.method(), message.templateId())
                    .incrementAndGet();
        }
        queued.computeIfAbsent(message.method(), method -> registry.timer(PREFIX + "queued_seconds", methodTag(method)))
                .update(Duration.ofNanos((long) (message.queuedSeconds() * 1e9)));
    }

    /** A dispatch ended, whatever its result. */
    void dispatched(LeasedMessage message) {
        counter(inflight, "inflight_dispatches", message.method(), message.templateId())
                .decrementAndGet();
    }

    /** How long the transport took to send. */
    void sent(Method method, Duration took) {
        sendTimes
                .computeIfAbsent(method, key -> registry.timer(PREFIX + "dispatcher_send_seconds", methodTag(key)))
                .update(took);
    }

    /**
     * The outcome of one attempt: {@code success}, {@code temp_fail}, or {@code perm_fail} (a permanent failure,
     * or a retryable one on the last attempt); inhibited messages are not attempts.
     */
    void attempted(LeasedMessage message, Result result, int maxAttempts) {
        var outcome = switch (result.kind()) {
            case SENT -> "success";
            case RETRYABLE -> message.attemptCount() + 1 >= maxAttempts ? "perm_fail" : "temp_fail";
            case PERMANENT -> "perm_fail";
            case INHIBITED, RELEASED -> null;
        };
        if (outcome != null) {
            attempts.computeIfAbsent(
                            message.method() + "|" + message.templateId() + "|" + outcome,
                            key -> registry.counter(
                                    PREFIX + "dispatch_attempts",
                                    methodTag(message.method()),
                                    new Tag(
                                            "notification_template_id",
                                            message.templateId().toString()),
                                    new Tag("result", outcome)))
                    .inc();
        }
    }

    /** Rows written by the bulk result writes. */
    void synced(int rows) {
        registry.counter(PREFIX + "synced_updates").inc(rows);
    }

    /** Results buffered and not yet written, read when scraped. */
    void pendingUpdates(IntSupplier pending) {
        registry.gauge(PREFIX + "pending_updates", pending, supplier -> (double) supplier.getAsInt());
    }

    private AtomicLong counter(Map<String, AtomicLong> values, String name, Method method, UUID templateId) {
        return values.computeIfAbsent(name + "|" + method + "|" + templateId, key -> {
            var value = new AtomicLong();
            registry.gauge(
                    PREFIX + name,
                    value,
                    AtomicLong::doubleValue,
                    methodTag(method),
                    new Tag("notification_template_id", templateId.toString()));
            return value;
        });
    }

    private static Tag methodTag(Method method) {
        return new Tag("method", method.name());
    }
}
