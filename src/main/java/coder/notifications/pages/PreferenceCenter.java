package coder.notifications.pages;

import coder.notifications.api.Roles;
import coder.notifications.api.TooManyRequestsException;
import coder.notifications.api.Uuids;
import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.InboxSettings;
import coder.notifications.config.NotifierSettings;
import coder.notifications.dispatch.KillSwitch;
import coder.notifications.preferences.PreferenceEditor;
import coder.notifications.preferences.PreferenceStore;
import coder.notifications.preferences.PreferenceView;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The preference center ({@code /settings/notifications}): the signed-in person's templates, grouped, each with
 * a switch saved at once. It reads and writes the same preferences as the API; {@code ?disabled=<template id>}
 * (the link form of Coder's emails) highlights one template and offers to turn it off.
 */
@WebServlet(PreferenceCenter.PATH)
public class PreferenceCenter extends HttpServlet {

    @Inject
    KillSwitch killSwitch;

    @Inject
    NotifierSettings notifier;

    @Inject
    InboxSettings inbox;

    @Inject
    MethodWords methodWords;

    public static final String PATH = DeploymentSettings.PREFERENCES_PAGE;
    static final List<String> GROUP_ORDER =
            List.of("Workspace Events", "User Events", "Template Events", "Notification Events", "Custom Events");

    /** One switch of the page. */
    public record Choice(
            UUID id, String name, String description, String method, boolean enabled, boolean highlighted) {}

    /** The switches of one group of templates. */
    public record Group(String name, List<Choice> choices) {}

    @Inject
    TemplateStore templates;

    @Inject
    PreferenceStore preferences;

    @Inject
    UserStore users;

    @Inject
    PreferenceEditor editor;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = Pages.session(request).orElseThrow();
        var user = users.byId(session.userId());
        var highlighted = Uuids.of(request.getParameter("disabled"));
        var disabled = preferences.of(session.userId()).stream()
                .collect(Collectors.toMap(PreferenceView::id, PreferenceView::disabled));
        var groups = new TreeMap<String, List<Choice>>(
                Comparator.comparingInt(PreferenceCenter::rank).thenComparing(name -> name));
        Choice highlight = null;
        for (var template : receivable(user.map(found -> found.roles()).orElse(List.of()))) {
            var enabled = !disabled.getOrDefault(template.id(), !template.enabledByDefault());
            var choice = new Choice(
                    template.id(),
                    template.name(),
                    template.description(),
                    methodWords.of(template),
                    enabled,
                    highlighted.filter(template.id()::equals).isPresent());
            groups.computeIfAbsent(template.group(), name -> new ArrayList<>()).add(choice);
            highlight = choice.highlighted() ? choice : highlight;
        }
        var values = new LinkedHashMap<String, Object>();
        values.put(
                "groups",
                groups.entrySet().stream()
                        .map(entry -> new Group(entry.getKey(), entry.getValue()))
                        .toList());
        values.put("highlight", highlight);
        values.put("user", user.orElse(null));
        values.put("saved", request.getParameter("saved"));
        values.put("section", "preferences");
        // Owners see that delivery is paused wherever they are: their own notifications wait too.
        values.put("pausedBanner", session.hasRole(Roles.OWNER) && killSwitch.paused());
        // The inbox's bell (SPEC 12) is on the pages of a signed-in person; not on the unsubscribe pages.
        values.put("bell", true);
        pages.send(request, response, 200, "preferences", values);
    }

    /** One switch: {@code template=<id>&enabled=true|false}, as the page's script or its form sends it. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = Pages.session(request).orElseThrow();
        var template = Uuids.of(request.getParameter("template"))
                .filter(id ->
                        receivable(users.byId(session.userId())
                                        .map(found -> found.roles())
                                        .orElse(List.of()))
                                .stream()
                                .anyMatch(known -> known.id().equals(id)));
        var enabled = Optional.ofNullable(request.getParameter("enabled")).filter(value -> value.matches("true|false"));
        if (template.isEmpty() || enabled.isEmpty()) {
            pages.problem(
                    request,
                    response,
                    400,
                    "Nothing was changed",
                    "The form named no notification of yours, or did not say whether to turn it on or off.");
            return;
        }
        try {
            editor.apply(
                    session.userId(),
                    Map.of(template.get(), !Boolean.parseBoolean(enabled.get())),
                    Optional.of(session.userId()));
        } catch (TooManyRequestsException e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            pages.problem(request, response, 429, "Too many changes", e.getMessage());
            return;
        }
        if (request.getHeader("X-CSRF-Token") != null) {
            Pages.headers(response);
            response.setStatus(204);
            return;
        }
        Pages.headers(response);
        response.setStatus(303);
        // From the highlighted template's one-click button, back to it; from a switch's form, back to the switch.
        response.setHeader(
                "Location",
                request.getParameter("highlight") != null
                        ? PATH + "?disabled=" + template.get() + "&saved=" + template.get()
                        : PATH + "?saved=" + template.get() + "#t-" + template.get());
    }

    private List<Template> receivable(List<String> roles) {
        return templates.system().stream()
                .filter(template -> template.reaches(roles))
                .toList();
    }

    /** The groups in the order of what matters most day to day; a group not listed comes after, by name. */
    static int rank(String group) {
        var index = GROUP_ORDER.indexOf(group);
        return index < 0 ? GROUP_ORDER.size() : index;
    }
}
