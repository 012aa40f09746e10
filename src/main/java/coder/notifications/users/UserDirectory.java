package coder.notifications.users;

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

    public UserView find(String user) {
        if (user.equals("me")) {
            throw new NotFoundException("\"me\" names the authenticated caller; this request carries no caller.");
        }
        var found = Uuids.isUuid(user) ? users.byId(UUID.fromString(user)) : users.byUsername(user);
        return found.orElseThrow(() -> new NotFoundException("No user with id or username \"" + user + "\"."));
    }

}
