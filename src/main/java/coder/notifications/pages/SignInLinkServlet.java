package coder.notifications.pages;

import coder.notifications.config.DeploymentSettings;
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
import java.util.Map;
import java.util.Optional;

/**
 * The one-time sign-in link of evaluation mode. GET (and HEAD) only show a button: a link preview or a scanner
 * that opens the link must not use it up. The button's POST takes the link, once; it carries a value that is also
 * in a cookie set with the page, so that only a form this browser was shown can post (no cross-site sign-in).
 */
@WebServlet("/sign-in/link")
public class SignInLinkServlet extends HttpServlet {

    private static final long FORM_LIFETIME_SECONDS = 3600;

    @Inject
    SessionStore sessions;

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
        var token = request.getParameter("token");
        if (token == null || !sessions.signInLinkOpen(token)) {
            notValid(request, response);
            return;
        }
        var form = Secrets.token();
        SessionCookie.write(
                response, SessionCookie.SIGN_IN_FORM, form, FORM_LIFETIME_SECONDS, deployment.publicUrlIsHttps());
        pages.send(request, response, 200, "sign-in-link", Map.of("token", token, "form", form));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var form = SessionCookie.read(request, SessionCookie.SIGN_IN_FORM);
        SessionCookie.clear(response, SessionCookie.SIGN_IN_FORM, deployment.publicUrlIsHttps());
        if (form.isEmpty() || !Secrets.same(form.get(), request.getParameter("form"))) {
            pages.problem(
                    request,
                    response,
                    403,
                    "This form has expired",
                    "Open the sign-in link again and press the button on its page.");
            return;
        }
        var token = request.getParameter("token");
        var link = token == null ? Optional.<SessionStore.LinkSignIn>empty() : sessions.takeSignInLink(token);
        if (link.isEmpty()) {
            notValid(request, response);
            return;
        }
        users.enrol(
                link.get().userId(), "owner", "Evaluation owner", "", link.get().roles());
        sessionStart.signIn(request, response, link.get().userId(), link.get().roles(), PreferenceCenter.PATH);
    }

    private void notValid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.problem(
                request,
                response,
                400,
                "This sign-in link is not valid",
                "A sign-in link works once and for a limited time. Restart the service for a new one, or sign in with your identity provider.");
    }
}
