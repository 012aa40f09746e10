package coder.notifications.security;

import coder.notifications.api.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API request needs a verified bearer token: without one the answer is a 401 in the API's error shape,
 * before any role is checked (a role check alone would answer 403 to an anonymous caller).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) {
            var hasToken = request.getHeaderString("Authorization") != null;
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(hasToken
                            ? "The bearer token was not accepted: it is malformed, expired, or not signed by the configured key."
                            : "Authentication required: send Authorization: Bearer <token>."))
                    .build());
        }
    }
}
