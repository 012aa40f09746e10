package coder.notifications.users;

import coder.notifications.api.Caller;
import coder.notifications.api.ForbiddenException;
import coder.notifications.api.Uuids;
import coder.notifications.api.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Finds a user the way the API names one: by id, by username, or {@code me} for the caller. */
@ApplicationScoped
public class UserDirectory {

    @Inject
    UserStore users;

    @Inject
    Caller caller;

    /** The id a path names: a UUID, {@code me} for the caller, or a username. */
    public UUID idOf(String user) {
        return find(user).id();
    }

    public UserView find(String user) {
        if (user.equals("me")) {
            var id = caller.requireId();
            return users.byId(id).orElseThrow(() -> new NotFoundException("The caller " + id + " is not in the user directory."));
        }
        var found = Uuids.isUuid(user) ? users.byId(UUID.fromString(user)) : users.byUsername(user);
        return found.orElseThrow(() -> new NotFoundException("No user with id or username \"" + user + "\"."));
    }


    /** Lets the request through for the user themself or a caller with one of the roles; else a 403. */
    public void requireSelfOr(UUID user, String... roles) {
        if (caller.id().filter(user::equals).isPresent()) {
            return;
        }
        for (var role : roles) {
            if (caller.hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException("Only the user themself or a caller with role " + String.join(" or ", roles) + " may do this.");
    }
}
