package coder.notifications.pages;

import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import coder.notifications.config.Method;
import coder.notifications.delivery.Payload;
import coder.notifications.delivery.smtp.EmailBody;
import coder.notifications.dispatch.NotificationRendering;
import coder.notifications.messages.MessageStore;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTML part of an email as its recipient gets it, for the console's sandboxed frame: of a message
 * ({@code ?message=<id>}, rendered from its stored payload) or of a template's preview ({@code ?template=<id>}). Its
 * own policy lets the email's inline styles apply and nothing else: no script, no form, no request of any kind, and
 * only the console itself may frame it.
 */
@WebServlet(RenderedEmail.PATH)
public class RenderedEmail extends HttpServlet {

    public static final String PATH = "/deployment/notifications/email";

    static final String POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " + "frame-ancestors 'self'; sandbox";

    @Inject
    MessageStore messages;

    @Inject
    TemplateStore templates;

    @Inject
    UserStore users;

    @Inject
    NotificationRendering rendering;

    @Inject
    TemplatePreview preview;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = Pages.session(request).orElseThrow();
        if (!session.hasRole(Roles.OWNER) && !session.hasRole(Roles.AUDITOR)) {
            pages.problem(request, response, 403, "Owners only", "Emails are shown to owners and auditors.");
            return;
        }
        Optional<String> html;
        try {
            html = Uuids.of(request.getParameter("message"))
                    .map(id -> messages.byId(id)
                            .flatMap(message -> templates
                                    .byId(message.notificationTemplateId())
                                    .map(template -> EmailBody.html(rendering.render(
                                            id,
                                            message.userId(),
                                            Method.smtp,
                                            Payload.fromJson(messages.stored(id)
                                                    .orElseThrow()
                                                    .payloadJson()),
                                            template)))))
                    .orElseGet(() -> Uuids.of(request.getParameter("template"))
                            .flatMap(templates::byId)
                            .flatMap(template -> users.byId(session.userId())
                                    .map(owner -> EmailBody.html(preview.render(template, owner, Method.smtp)))));
        } catch (RuntimeException | StackOverflowError e) {
            html = Optional.empty();
        }
        if (html.isEmpty()) {
            pages.problem(
                    request,
                    response,
                    404,
                    "No such email",
                    "There is no such message or template, or it cannot be rendered (the message's view says why).");
            return;
        }
        var bytes = html.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
