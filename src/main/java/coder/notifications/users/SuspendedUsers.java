package coder.notifications.users;

import coder.notifications.database.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Who is suspended in the directory, for the check every API request makes of its caller: one small query a
 * second for the whole replica instead of one transaction per request. A suspension made through this replica
 * counts from its commit; one made through another replica within {@link #FRESH_FOR}, as templates do.
 */
@ApplicationScoped
public class SuspendedUsers {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    @Inject
    UserStore store;

    private FreshCopy<Set<UUID>> suspended;

    @PostConstruct
    void prepare() {
        suspended = new FreshCopy<>(FRESH_FOR, () -> Set.copyOf(store.idsWithStatus(UserStatus.suspended)));
    }

    public boolean isSuspended(UUID id) {
        return suspended.get().contains(id);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UsersChanged changed) {
        suspended.forget();
    }
}
