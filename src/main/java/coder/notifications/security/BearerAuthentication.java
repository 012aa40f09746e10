package coder.notifications.security;

import coder.notifications.signin.Secrets;
import coder.notifications.signin.SessionCookie;
import coder.notifications.signin.SessionStore;
import coder.notifications.signin.WebSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    @Inject
    SessionStore sessions;

    /** The request attribute holding when the caller's credential (token or session) expires, as an Instant. */
    public static final String EXPIRES = BearerAuthentication.class.getName() + ".expires";

    /** The API paths where the pages' session cookie is accepted instead of a bearer token. */
    static final String SESSION_PATHS = "/api/v2/notifications/inbox";

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
            return signedIn(request, response, context);
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
        request.setAttribute(EXPIRES, caller.expires());
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.subject()), new HashSet<>(caller.groups()));
    }

    /**
     * The inbox is also for the pages (SPEC 12): there, a request without a bearer token may carry the session
     * cookie of a signed-in person instead; a change must then carry the session's CSRF token as well, since a
     * browser sends the cookie on its own.
     */
    private AuthenticationStatus signedIn(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // The decoded, normalised path, as the resources see it (never the raw URI, which ../ could disguise).
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.equals(SESSION_PATHS) && !path.startsWith(SESSION_PATHS + "/")) {
            return unauthorized(response, context);
        }
        var session = SessionCookie.read(request, SessionCookie.SESSION).flatMap(sessions::find);
        if (session.isEmpty()) {
            return unauthorized(response, context);
        }
        if (!request.getMethod().equals("GET")
                && !request.getMethod().equals("HEAD")
                && !Secrets.same(session.get().csrfToken(), request.getHeader(WebSession.CSRF_HEADER))) {
            return forbidden(response);
        }
        request.setAttribute(EXPIRES, session.get().expires());
        return context.notifyContainerAboutLogin(
                new CallerPrincipal(session.get().userId().toString()),
                new HashSet<>(session.get().roles()));
    }

    /** Written here, not with sendError: the error page would then find the response's stream already taken. */
    private static AuthenticationStatus forbidden(HttpServletResponse response) {
        var body = ("{\"message\": \"A change made with the session cookie must carry the session's CSRF token in the "
                        + WebSession.CSRF_HEADER + " header.\", \"detail\": \"\", \"validations\": []}\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // The client left.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Bearer");
        return context.responseUnauthorized();
    }
}
