package coder.notifications.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subjects that have called the API with owner or notifier rights: the rank rule protects their directory
 * entries from user-admins whether the entry came first or the call did. Written once per subject and replica.
 */
@ApplicationScoped
public class PrivilegedCallers {

    @Inject
    UserStore store;

    private final Set<UUID> remembered = ConcurrentHashMap.newKeySet();

    public void remember(UUID subject) {
        if (remembered.add(subject)) {
            try {
                store.rememberPrivileged(subject);
            } catch (RuntimeException e) {
                remembered.remove(subject);
                throw e;
            }
        }
    }

    public boolean includes(UUID subject) {
        return remembered.contains(subject) || store.isPrivileged(subject);
    }
}
