package coder.notifications.users;

import coder.notifications.api.Caller;
import coder.notifications.api.ForbiddenException;
import coder.notifications.api.NotFoundException;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
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

    @Inject
    PrivilegedCallers privilegedCallers;

    /** The id a path names: a UUID, {@code me} for the caller, or a username. */
    public UUID idOf(String user) {
        return find(user).id();
    }

    public UserView find(String user) {
        if (user.equals("me")) {
            var id = caller.requireId();
            return users.byId(id)
                    .orElseThrow(() -> new NotFoundException("The caller " + id + " is not in the user directory."));
        }
        var found = Uuids.isUuid(user) ? users.byId(UUID.fromString(user)) : users.byUsername(user);
        return found.orElseThrow(() -> new NotFoundException("No user with id or username \"" + user + "\"."));
    }

    /**
     * Rank in the directory: only an owner (or a notifier, the system of record that syncs the directory) may give
     * or take the {@code owner} role, or change or delete a user who is an owner or who has called the API with
     * owner or notifier rights (even before it had an entry: a user-admin cannot create one in its place); a
     * user-admin manages everyone else. Directory roles decide who receives the administrators' notifications, an
     * owner's email where their mail goes, and a suspension whether the API answers.
     */
    public void requireRankFor(UUID target, java.util.Optional<UserRequest> change) {
        if (outranksUserAdmin()) {
            return;
        }
        if (users.byId(target)
                .filter(user -> user.roles().contains(Role.OWNER.word()))
                .isPresent()) {
            throw new ForbiddenException("Only an owner may change or delete a user who is an owner.");
        }
        if (privilegedCallers.includes(target)) {
            throw new ForbiddenException(
                    "User " + target
                            + " has called the API with owner or notifier rights: only an owner may change or delete its entry.");
        }
        if (change.filter(request -> request.roles().contains(Role.OWNER.word()))
                .isPresent()) {
            throw new ForbiddenException("Only an owner may give the owner role.");
        }
    }

    /** The rank the caller writes the directory with: {@code owner}, {@code notifier} or {@code user-admin}. */
    public String writerRank() {
        if (caller.hasRole(Roles.OWNER)) {
            return Roles.OWNER;
        }
        return caller.hasRole(Roles.NOTIFIER) ? Roles.NOTIFIER : Roles.USER_ADMIN;
    }

    private boolean outranksUserAdmin() {
        return caller.hasRole(Roles.OWNER) || caller.hasRole(Roles.NOTIFIER);
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
        throw new ForbiddenException(
                "Only the user themself or a caller with role " + String.join(" or ", roles) + " may do this.");
    }
}
