package coder.notifications.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.HashSet;

/**
 * Authenticates every API request (the URLs web.xml protects) by its bearer token, before any of the
 * application runs: the header must have the one accepted form, the token must pass the {@link TokenVerifier}.
 * The caller becomes the {@code sub} claim with the {@code groups} claim as roles. A refusal is a 401 in the
 * API's error shape; the token is never logged, echoed or kept, whatever the header looks like. Every API answer
 * is marked not to be cached or sniffed.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenRefusals refusals;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        // Set here, before anything can answer, so that refusals and errors carry them too.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        var headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return unauthorized(response, context);
        }
        var token = BearerHeader.token(headers);
        if (token.isEmpty()) {
            refusals.refused(request.getRemoteAddr(), "malformed Authorization header");
            return unauthorized(response, context);
        }
        var outcome = verifier.verify(token.get());
        if (outcome.caller().isEmpty()) {
            refusals.refused(request.getRemoteAddr(), outcome.refusal().orElseThrow().reason);
            return unauthorized(response, context);
        }
        var caller = outcome.caller().get();
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.subject()), new HashSet<>(caller.groups()));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Bearer");
        return context.responseUnauthorized();
    }
}
