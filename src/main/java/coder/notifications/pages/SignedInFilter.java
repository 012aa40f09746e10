package coder.notifications.pages;

import coder.notifications.signin.Secrets;
import coder.notifications.signin.SessionCookie;
import coder.notifications.signin.SessionStore;
import coder.notifications.signin.WebSession;
import coder.notifications.users.UserStore;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the session of every page request. The pages for signed-in people ({@code /settings/*},
 * {@code /deployment/*}) send a stranger to sign in, refuse a suspended user, and refuse any change
 * (a POST) that does not carry the session's CSRF token. Mapped in web.xml, after the Host check.
 */
public class SignedInFilter extends HttpFilter {

    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = WebSession.CSRF_HEADER;

    @Inject
    SessionStore sessions;

    @Inject
    UserStore users;

    @Inject
    Pages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var session = SessionCookie.read(request, SessionCookie.SESSION).flatMap(sessions::find);
        session.ifPresent(found -> request.setAttribute(WebSession.ATTRIBUTE, found));
        var path = request.getServletPath();
        if (!path.startsWith("/settings/") && !path.startsWith("/deployment/")) {
            chain.doFilter(request, response);
            return;
        }
        if (session.isEmpty()) {
            if (request.getMethod().equals("GET")) {
                var query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
                Pages.headers(response);
                response.sendRedirect("/sign-in?next=" + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
            } else {
                pages.problem(
                        request,
                        response,
                        401,
                        "Please sign in",
                        "Your session has ended. Sign in again and repeat the change.");
            }
            return;
        }
        var user = users.byId(session.get().userId());
        if (user.isPresent() && user.get().status().equals("suspended")) {
            pages.problem(
                    request,
                    response,
                    403,
                    "Your account is suspended",
                    "A suspended account cannot use these pages. Ask an administrator to activate it again.");
            return;
        }
        if (!request.getMethod().equals("GET")
                && !request.getMethod().equals("HEAD")
                && !csrfMatches(request, session.get())) {
            pages.problem(
                    request,
                    response,
                    403,
                    "This form has expired",
                    "The change was not made because it did not come from a current page. Reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean csrfMatches(HttpServletRequest request, WebSession session) {
        var given = request.getHeader(CSRF_HEADER);
        if (given == null) {
            given = request.getParameter(CSRF_FIELD);
        }
        return Secrets.same(session.csrfToken(), given);
    }
}
