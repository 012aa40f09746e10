package coder.notifications.pages;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.signin.SessionCookie;
import coder.notifications.signin.SessionStore;
import coder.notifications.users.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** The end of every way of signing in (OpenID Connect, the evaluation link): the session and its cookie. */
@ApplicationScoped
class SessionStart {

    private static final Logger LOG = Logger.getLogger(SessionStart.class.getName());

    @Inject
    SessionStore sessions;

    @Inject
    UserStore users;

    @Inject
    DeploymentSettings deployment;

    @Inject
    Pages pages;

    /** Opens a session for the user and goes on to returnTo; a suspended user gets 403 instead. */
    void signIn(
            HttpServletRequest request, HttpServletResponse response, UUID userId, List<String> roles, String returnTo)
            throws IOException {
        var user = users.byId(userId);
        if (user.isPresent() && user.get().status().equals("suspended")) {
            pages.problem(
                    request,
                    response,
                    403,
                    "Your account is suspended",
                    "A suspended account cannot sign in. Ask an administrator to activate it again.");
            return;
        }
        var token = sessions.open(userId, roles);
        SessionCookie.write(
                response,
                SessionCookie.SESSION,
                token,
                SessionStore.SESSION_LIFETIME.toSeconds(),
                deployment.publicUrlIsHttps());
        LOG.info("notifications: " + userId + " signed in to the pages");
        Pages.headers(response);
        response.sendRedirect(returnTo);
    }
}
