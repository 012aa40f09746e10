package coder.notifications.security;

import coder.notifications.api.ApiError;
import coder.notifications.api.Uuids;
import coder.notifications.users.UserStore;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API request needs a verified bearer token: without one the answer is a 401 in the API's error shape,
 * before any role is checked (a role check alone would answer 403 to an anonymous caller). A token whose
 * {@code sub} is a suspended user of the directory gets 403; systems whose {@code sub} is not in the
 * directory are not affected.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    UserStore users;

    @Override
    public void filter(ContainerRequestContext request) {
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("Authentication required: send Authorization: Bearer <token>."))
                    .build());
            return;
        }
        var suspended = Uuids.of(principal.getName()).flatMap(users::byId).filter(user -> user.status().equals("suspended"));
        if (suspended.isPresent()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("This account is suspended in the user directory: it may not use the API.")).build());
        }
    }
}
