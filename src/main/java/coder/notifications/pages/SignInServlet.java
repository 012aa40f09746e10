package coder.notifications.pages;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.security.EvaluationKeySource;
import coder.notifications.signin.OpenIdProvider;
import coder.notifications.signin.Person;
import coder.notifications.signin.Secrets;
import coder.notifications.signin.SessionCookie;
import coder.notifications.signin.SessionStore;
import coder.notifications.users.UserStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Sign-in and sign-out of the pages: the sign-in page, the OpenID Connect round trip (authorization code with
 * PKCE, state bound to the browser by a cookie) and sign-out. The evaluation sign-in link is {@link SignInLinkServlet}.
 */
@WebServlet(urlPatterns = {"/sign-in", "/sign-in/oidc", "/sign-in/callback", "/sign-out"})
public class SignInServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignInServlet.class.getName());
    static final Duration OIDC_ROUND_TRIP = Duration.ofMinutes(10);
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)/(?:\\.|%2e){1,2}(?:/|$)");

    @Inject
    SessionStore sessions;

    @Inject
    OpenIdProvider provider;

    @Inject
    UserStore users;

    @Inject
    DeploymentSettings deployment;

    @Inject
    Pages pages;

    @Inject
    SessionStart sessionStart;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/sign-in/oidc" -> startOpenIdConnect(request, response);
            case "/sign-in/callback" -> finishOpenIdConnect(request, response);
            case "/sign-out" -> signedOut(request, response);
            default -> signInPage(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/sign-out")) {
            response.sendError(405);
            return;
        }
        var session = Pages.session(request);
        if (session.isPresent()
                && !Secrets.same(session.get().csrfToken(), request.getParameter(SignedInFilter.CSRF_FIELD))) {
            pages.problem(request, response, 403, "This form has expired", "Reload the page and sign out again.");
            return;
        }
        SessionCookie.read(request, SessionCookie.SESSION).ifPresent(sessions::close);
        SessionCookie.clear(response, SessionCookie.SESSION, deployment.publicUrlIsHttps());
        Pages.headers(response);
        response.sendRedirect("/sign-out");
    }

    private void signInPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Pages.session(request).isPresent()) {
            Pages.headers(response);
            response.sendRedirect(returnTo(request.getParameter("next")));
            return;
        }
        var values = new HashMap<String, Object>();
        values.put("oidc", provider.configured());
        values.put("evaluation", EvaluationKeySource.evaluationMode());
        values.put("next", returnTo(request.getParameter("next")));
        pages.send(request, response, 200, "sign-in", values);
    }

    private void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.send(request, response, 200, "signed-out", Map.of());
    }

    private void startOpenIdConnect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.configured()) {
            pages.problem(
                    request,
                    response,
                    404,
                    "No identity provider",
                    "Sign-in with OpenID Connect is not configured on this service (CODER_OIDC_ISSUER_URL and CODER_OIDC_CLIENT_ID).");
            return;
        }
        var state = Secrets.token();
        var login = new SessionStore.OpenIdLogin(
                Secrets.token() + Secrets.token(), Secrets.token(), returnTo(request.getParameter("next")));
        String destination;
        try {
            destination = provider.authorizationUrl(callbackUrl(), state, login.nonce(), login.codeVerifier());
        } catch (OpenIdProvider.SignInFailed e) {
            pages.problem(request, response, 502, "Sign-in is not available", e.getMessage());
            return;
        }
        if (!sessions.openIdLogin(state, login, OIDC_ROUND_TRIP)) {
            response.setHeader("Retry-After", Long.toString(OIDC_ROUND_TRIP.toSeconds()));
            pages.problem(
                    request,
                    response,
                    503,
                    "Too many sign-ins under way",
                    "Too many sign-ins were started and not finished. Try again in a few minutes.");
            return;
        }
        SessionCookie.write(
                response,
                SessionCookie.SIGN_IN_STATE,
                state,
                OIDC_ROUND_TRIP.toSeconds(),
                deployment.publicUrlIsHttps());
        Pages.headers(response);
        response.sendRedirect(destination);
    }

    private void finishOpenIdConnect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var state = request.getParameter("state");
        var browserState = SessionCookie.read(request, SessionCookie.SIGN_IN_STATE);
        SessionCookie.clear(response, SessionCookie.SIGN_IN_STATE, deployment.publicUrlIsHttps());
        if (request.getParameter("error") != null) {
            pages.problem(
                    request,
                    response,
                    400,
                    "Sign-in was not completed",
                    "The identity provider answered: " + request.getParameter("error") + ". Try signing in again.");
            return;
        }
        if (state == null || browserState.isEmpty() || !Secrets.same(browserState.get(), state)) {
            pages.problem(
                    request,
                    response,
                    400,
                    "Sign-in was not completed",
                    "This answer of the identity provider does not belong to a sign-in started in this browser. Try signing in again.");
            return;
        }
        var login = sessions.takeOpenIdLogin(state);
        var code = request.getParameter("code");
        if (login.isEmpty() || code == null) {
            pages.problem(
                    request,
                    response,
                    400,
                    "Sign-in was not completed",
                    "The sign-in took too long or was already used. Try again.");
            return;
        }
        Person person;
        try {
            var claims = provider.exchange(
                    code, callbackUrl(), login.get().codeVerifier(), login.get().nonce());
            person = Person.of(claims, provider.groupField());
        } catch (OpenIdProvider.SignInFailed e) {
            LOG.warning("notifications: OpenID Connect sign-in failed: " + e.getMessage());
            pages.problem(request, response, 502, "Sign-in failed", e.getMessage());
            return;
        } catch (MalformedClaimException e) {
            pages.problem(
                    request,
                    response,
                    502,
                    "Sign-in failed",
                    "The identity provider's ID token has a malformed claim.");
            return;
        }
        users.enrol(person.id(), person.username(), person.name(), person.email(), person.roles());
        sessionStart.signIn(
                request, response, person.id(), person.roles(), login.get().returnTo());
    }

    private String callbackUrl() {
        return deployment.page("/sign-in/callback");
    }

    /**
     * Only a path of this service: never another site (an open redirect), and no {@code .} or {@code ..} segment,
     * which would climb above the root (the server cannot build such a redirect).
     */
    static String returnTo(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.length() > 1000
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || DOT_SEGMENT.matcher(next.split("[?#]", 2)[0]).find()) {
            return PreferenceCenter.PATH;
        }
        return next;
    }
}
