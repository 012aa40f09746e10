package coder.notifications.users;

import coder.notifications.database.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
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

    /** Each suspended user, with whether a user-admin wrote the suspension. */
    private FreshCopy<Map<UUID, Boolean>> suspended;

    @PostConstruct
    void prepare() {
        suspended = new FreshCopy<>(FRESH_FOR, store::suspended);
    }

    /**
     * Whether the directory stops this caller. A suspension written by a user-admin does not stop a caller with
     * owner or notifier rights: a user-admin may not lock out those who outrank it, even by writing the entry
     * before they first call.
     */
    public boolean refuses(UUID id, boolean privileged) {
        var byUserAdmin = suspended.get().get(id);
        return byUserAdmin != null && !(privileged && byUserAdmin);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UsersChanged changed) {
        suspended.forget();
    }
}
