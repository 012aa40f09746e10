package coder.notifications.security;

import coder.notifications.api.ApiError;
import coder.notifications.api.Uuids;
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
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SuspendedCallerFilter implements ContainerRequestFilter {

    @Inject
    SuspendedUsers suspendedUsers;

    @Override
    public void filter(ContainerRequestContext request) {
        var principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return;
        }
        var suspended = Uuids.of(principal.getName()).filter(suspendedUsers::isSuspended);
        if (suspended.isPresent()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("This account is suspended in the user directory: it may not use the API."))
                    .build());
        }
    }
}
