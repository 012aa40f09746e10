package coder.notifications.pages;

import coder.notifications.signin.WebSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a page: its template with the values every page needs (the signed-in person and their CSRF token),
 * and the headers that keep it safe: no caching, no framing, no referrer (unsubscribe links carry a token),
 * and a content security policy that runs only the service's own script and style.
 */
@ApplicationScoped
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class.getName());

    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    PageTemplates templates;

    public void send(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String page,
            Map<String, Object> values)
            throws IOException {
        var context = new HashMap<String, Object>(values);
        context.put("signedIn", session(request).isPresent());
        session(request).ifPresent(session -> {
            context.put("session", session);
            context.put("csrf", session.csrfToken());
            context.put("console", session.hasRole("owner") || session.hasRole("auditor"));
        });
        String html;
        try {
            html = templates.render(page, context);
        } catch (RuntimeException e) {
            // Never a stack trace or a class name on a page: the log has the cause.
            LOG.log(Level.SEVERE, "notifications: cannot render the page " + page, e);
            status = 500;
            html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head>"
                    + "<body><h1>Something went wrong</h1><p>The page could not be shown; the service log says why.</p></body></html>";
        }
        headers(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        var bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A page that only says what went wrong, with the status it is answered with. */
    public void problem(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        send(request, response, status, "problem", Map.of("title", title, "detail", detail, "status", status));
    }

    public static Optional<WebSession> session(HttpServletRequest request) {
        return Optional.ofNullable((WebSession) request.getAttribute(WebSession.ATTRIBUTE));
    }

    public static void headers(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
