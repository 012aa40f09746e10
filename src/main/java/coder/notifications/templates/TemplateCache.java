package coder.notifications.templates;

import coder.notifications.api.Uuids;
import coder.notifications.database.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every template in memory, for the hot paths (each enqueue, each leased batch): there are a few dozen, and they
 * change only when someone sets a delivery method. The copy is read again when it is older than {@link #FRESH_FOR},
 * so a change made through any replica is seen everywhere within a second; a change made here is seen at once.
 */
@ApplicationScoped
public class TemplateCache {

    static final Duration FRESH_FOR = Duration.ofMillis(500);

    @Inject
    TemplateStore store;

    private record Copy(Map<UUID, Template> byId, Map<String, Template> byName) {}

    private FreshCopy<Copy> copy;

    @PostConstruct
    void prepare() {
        copy = new FreshCopy<>(FRESH_FOR, () -> {
            List<Template> all = store.system();
            return new Copy(
                    all.stream().collect(Collectors.toUnmodifiableMap(Template::id, Function.identity())),
                    all.stream()
                            .collect(Collectors.toUnmodifiableMap(
                                    template -> template.name().toLowerCase(Locale.ROOT),
                                    Function.identity(),
                                    (a, b) -> a)));
        });
    }

    /** A template named by its id or, case-insensitively, by its name. */
    public Optional<Template> byIdOrName(String reference) {
        var current = current();
        return Uuids.isUuid(reference)
                ? Optional.ofNullable(current.byId().get(UUID.fromString(reference)))
                : Optional.ofNullable(current.byName().get(reference.toLowerCase(Locale.ROOT)));
    }

    /** The templates with these ids that exist. */
    public Map<UUID, Template> byIds(Collection<UUID> ids) {
        var current = current();
        var found = new HashMap<UUID, Template>();
        ids.forEach(id -> Optional.ofNullable(current.byId().get(id)).ifPresent(template -> found.put(id, template)));
        return found;
    }

    /** Forgets the copy once a change commits: the next use reads the templates again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TemplatesChanged changed) {
        copy.forget();
    }

    private Copy current() {
        return copy.get();
    }
}
