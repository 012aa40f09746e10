package coder.notifications.inbox;

import coder.notifications.api.JsonConfig;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.lifecycle.ServiceStopping;
import coder.notifications.templates.TemplateRenderer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The open watches of this replica, by user. When the listening connection hears of new items (from any replica,
 * see {@link InboxAnnouncer}), the items of users watched here are read once and sent to each watch whose filters
 * they match, off the listening thread. Every {@link #PING_EVERY} each watch is pinged, which also finds clients
 * that left without closing, and a watch whose credential expired is ended.
 */
@ApplicationScoped
public class InboxWatchers {

    /** Well under the 30 s of SPEC 12 and the 60 s idle timeout of common proxies. */
    static final Duration PING_EVERY = Duration.ofSeconds(15);

    /** When a new watch is first pinged (see {@link #add}). */
    static final List<Duration> FIRST_PINGS = List.of(Duration.ofMillis(100), Duration.ofSeconds(1));

    /** How often expired credentials are looked for: a stream ends within this of its token's expiry. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    InboxStore store;

    @Inject
    Icons icons;

    @Inject
    TemplateRenderer renderer;

    @Inject
    Clock clock;

    @Inject
    NotifierLog log;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<UUID, Set<Watcher>> byUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeps;
    private Instant lastPing;

    @PostConstruct
    void start() {
        for (var transport : new String[] {"websocket", "sse"}) {
            var count = new AtomicInteger();
            open.put(transport, count);
            registry.gauge(
                    "coderd_notifications_inbox_watchers",
                    count,
                    AtomicInteger::doubleValue,
                    new Tag("transport", transport));
        }
        lastPing = clock.instant();
        sweeps = scheduler.scheduleAtFixedRate(
                this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    /**
     * Registers a watch and, a moment later, pings it: the first bytes of an event stream written while its request
     * is still being dispatched stay in the server's buffer until the next write, so a client would see the
     * stream's head only with its first item. The second early ping is for a dispatch that outlasted the first (a
     * busy server).
     */
    void add(Watcher watcher) {
        register(watcher);
        for (var delay : FIRST_PINGS) {
            try {
                scheduler.schedule(
                        () -> {
                            if (!watcher.ping()) {
                                remove(watcher);
                            }
                        },
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                // The regular pings follow within PING_EVERY.
            }
        }
    }

    private void register(Watcher watcher) {
        // Inside compute, atomically per user: a set emptied by a concurrent remove is never added to after it left.
        byUser.compute(watcher.subscription().userId(), (user, watchers) -> {
            var set = watchers == null ? ConcurrentHashMap.<Watcher>newKeySet() : watchers;
            if (set.add(watcher)) {
                open.get(watcher.transport()).incrementAndGet();
            }
            return set;
        });
    }

    /** Forgets a watch; safe to call more than once. */
    void remove(Watcher watcher) {
        byUser.computeIfPresent(watcher.subscription().userId(), (user, watchers) -> {
            if (watchers.remove(watcher)) {
                open.get(watcher.transport()).decrementAndGet();
            }
            return watchers.isEmpty() ? null : watchers;
        });
    }

    /**
     * A notification on {@link InboxStore#CHANNEL}: {@code user:item} pairs. Called on the listening thread, so it
     * only picks the items of users watched here and hands them to the scheduler's threads.
     */
    public void announced(String payload) {
        var wanted = new HashSet<UUID>();
        for (var pair : payload.split(",")) {
            var parts = pair.split(":");
            var user = parts.length == 2 ? parse(parts[0]) : null;
            var item = parts.length == 2 ? parse(parts[1]) : null;
            if (user != null && item != null && byUser.containsKey(user)) {
                wanted.add(item);
            }
        }
        if (!wanted.isEmpty()) {
            scheduler.execute(() -> send(wanted));
        }
    }

    private void send(Set<UUID> itemIds) {
        try {
            var unread = new HashMap<UUID, Long>();
            for (var item : store.byIds(itemIds)) {
                var watchers = byUser.get(item.userId());
                if (watchers == null) {
                    continue;
                }
                var frame = icons.item(item);
                Long count = null;
                String markdown = null;
                String plaintext = null;
                for (var watcher : watchers) {
                    if (!watcher.subscription().query().matches(item)) {
                        continue;
                    }
                    if (count == null) {
                        count = unread.computeIfAbsent(item.userId(), store::unreadCount);
                    }
                    String json;
                    if (watcher.subscription().query().plaintext()) {
                        if (plaintext == null) {
                            plaintext = json(
                                    frame.withText(
                                            renderer.plainText(frame.title()).replaceAll("\\s*\\n\\s*", " "),
                                            renderer.plainText(frame.content())),
                                    count);
                        }
                        json = plaintext;
                    } else {
                        if (markdown == null) {
                            markdown = json(frame, count);
                        }
                        json = markdown;
                    }
                    if (!watcher.send(json)) {
                        remove(watcher);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.trouble("send new inbox items to their watchers", e);
            return;
        }
        log.recovered("send new inbox items to their watchers");
    }

    private static String json(InboxItem item, long unreadCount) {
        return JsonConfig.wire().toJson(new InboxItem.One(item, unreadCount));
    }

    /** Ends the watches whose credential expired and, every {@link #PING_EVERY}, pings the others. */
    void sweep() {
        var now = clock.instant();
        var ping = !now.isBefore(lastPing.plus(PING_EVERY));
        if (ping) {
            lastPing = now;
        }
        for (var watchers : byUser.values()) {
            for (var watcher : watchers) {
                if (!now.isBefore(watcher.subscription().expires())) {
                    watcher.close("the credential of this watch expired at "
                            + watcher.subscription().expires());
                    remove(watcher);
                } else if (ping && !watcher.ping()) {
                    remove(watcher);
                }
            }
        }
    }

    /** At stop, every stream ends cleanly, so clients reconnect to another replica at once. */
    void stopping(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(40) ServiceStopping stopping) {
        for (var watchers : byUser.values()) {
            for (var watcher : watchers) {
                watcher.close("the service is stopping");
                remove(watcher);
            }
        }
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
