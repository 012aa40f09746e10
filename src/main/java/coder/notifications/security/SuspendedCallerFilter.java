package coder.notifications.security;

import coder.notifications.api.ApiError;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import coder.notifications.users.PrivilegedCallers;
import coder.notifications.users.SuspendedUsers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A token whose {@code sub} is a suspended user of the directory gets 403 on every API request; systems whose
 * {@code sub} is not in the directory are not affected. Requests without a verified token never get here: the
 * one 401 of the API is {@link BearerAuthentication}'s, before any of the application runs. The directory's
 * suspended users are read at most once a second ({@link SuspendedUsers}), not once per request.
 *
 * <p>A caller with owner or notifier rights is remembered ({@link PrivilegedCallers}), so that no user-admin can
 * suspend, demote or delete its entry; a suspension a user-admin wrote before its first call does not stop it; and
 * a notifier may always write its own entry, to repair it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SuspendedCallerFilter implements ContainerRequestFilter {

    @Inject
    SuspendedUsers suspendedUsers;

    @Inject
    PrivilegedCallers privilegedCallers;

    @Override
    public void filter(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        var principal = security == null ? null : security.getUserPrincipal();
        if (principal == null) {
            return;
        }
        var subject = Uuids.of(principal.getName());
        if (subject.isEmpty()) {
            return;
        }
        var notifier = security.isUserInRole(Roles.NOTIFIER);
        var privileged = notifier || security.isUserInRole(Roles.OWNER);
        if (privileged) {
            privilegedCallers.remember(subject.get());
        }
        var repairingItself = notifier
                && request.getMethod().equals("PUT")
                && request.getUriInfo().getPath().replaceFirst("^/", "").equals("users/" + subject.get());
        if (!repairingItself && suspendedUsers.refuses(subject.get(), privileged)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("This account is suspended in the user directory: it may not use the API."))
                    .build());
        }
    }
}
