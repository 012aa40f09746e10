package coder.notifications.pages;

import coder.notifications.preferences.PreferenceEditor;
import coder.notifications.templates.TemplateStore;
import coder.notifications.unsubscribe.UnsubscribeLinks;
import coder.notifications.users.UserStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One-click unsubscribe without signing in (SPEC 11, RFC 8058). GET only asks (a link scanner that follows the
 * link changes nothing); POST, from the page's button or a mail client's {@code List-Unsubscribe=One-Click},
 * turns the template off for the user exactly as the preferences API does. A bad token, or the token of a user
 * deleted since, gets the 400 page and changes nothing.
 */
@WebServlet(UnsubscribeLinks.PATH)
public class UnsubscribeServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UnsubscribeServlet.class.getName());

    @Inject
    UnsubscribeLinks links;

    @Inject
    TemplateStore templates;

    @Inject
    PreferenceEditor editor;

    @Inject
    UserStore users;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, true);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean confirmed)
            throws IOException {
        var token = request.getParameter("token");
        // A link of a user deleted since is as void as a damaged one: there is no one left to unsubscribe.
        var verified =
                links.verify(token).filter(found -> users.byId(found.userId()).isPresent());
        var template = verified.flatMap(found -> templates.byId(found.templateId()));
        if (template.isEmpty()) {
            pages.problem(
                    request,
                    response,
                    400,
                    "This unsubscribe link is not valid",
                    "The link is damaged, has expired (links work for 60 days), or was not made by this service. Nothing was changed."
                            + " You can turn notifications off in your notification settings after signing in.");
            return;
        }
        if (confirmed) {
            // No actor: the link names no one signed in; the audit entry says it came through a link.
            editor.apply(verified.get().userId(), Map.of(template.get().id(), true), Optional.empty());
            LOG.info("notifications: " + verified.get().userId() + " unsubscribed from "
                    + template.get().name() + " by link");
        }
        pages.send(
                request,
                response,
                200,
                confirmed ? "unsubscribed" : "unsubscribe",
                Map.of("template", template.get(), "token", token));
    }
}
