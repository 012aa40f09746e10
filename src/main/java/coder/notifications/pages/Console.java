package coder.notifications.pages;

import coder.notifications.api.Roles;
import coder.notifications.api.TooManyRequestsException;
import coder.notifications.api.Uuids;
import coder.notifications.audit.AuditEntry;
import coder.notifications.audit.AuditFilter;
import coder.notifications.audit.AuditStore;
import coder.notifications.config.EmailSettings;
import coder.notifications.config.Method;
import coder.notifications.config.MethodReadiness;
import coder.notifications.config.NotifierSettings;
import coder.notifications.config.WebhookSettings;
import coder.notifications.dispatch.KillSwitch;
import coder.notifications.enqueue.LimitedSender;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.SendAgain;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateMethods;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The deployment console ({@code /deployment/notifications}) for owners, read-only for auditors: the Overview tab
 * (how delivery is going, {@link OverviewTab}), the Events tab (templates, their delivery method and preview, a test
 * notification), the Settings tab (effective settings, the kill switch), the Messages tab (pages of messages with
 * filters, {@link MessagesTab}, and one message's view, {@link MessageDetail}), the Trace tab (one person's
 * messages and preferences, {@link TraceTab}) and the Audit tab.
 */
@WebServlet(Console.PATH)
public class Console extends HttpServlet {

    public static final String PATH = "/deployment/notifications";
    static final int MESSAGES_SHOWN = 50;
    static final int AUDIT_SHOWN = 100;

    /**
     * A template as the console shows it: its method is "" for the deployment default; {@code problem} says why its
     * own method cannot deliver ("" when it can, or when it follows the default, which is warned about once).
     */
    public record TemplateRow(
            String id,
            String name,
            String group,
            String description,
            boolean enabledByDefault,
            String method,
            String problem) {}

    /** The templates of one group, as the preference center groups them. */
    public record TemplateGroup(String name, List<TemplateRow> templates) {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    TemplateStore templates;

    @Inject
    KillSwitch killSwitch;

    @Inject
    TemplateMethods methods;

    @Inject
    MessageStore messages;

    @Inject
    UserStore users;

    @Inject
    LimitedSender sender;

    @Inject
    NotifierSettings notifier;

    @Inject
    EffectiveSettings settings;

    @Inject
    EmailSettings email;

    @Inject
    WebhookSettings webhook;

    /** Each status as people read it; the raw word stays in the API and the CSS class. */
    static final Map<MessageStatus, String> STATUS_WORDS = Map.of(
            MessageStatus.pending, "Pending",
            MessageStatus.leased, "Sending",
            MessageStatus.sent, "Sent",
            MessageStatus.temporary_failure, "Failed, will retry",
            MessageStatus.permanent_failure, "Failed",
            MessageStatus.inhibited, "Not sent: turned off");

    static String words(String status) {
        return MessageStatus.named(status).map(STATUS_WORDS::get).orElse(status);
    }

    @Inject
    AuditStore audit;

    @Inject
    Pages pages;

    @Inject
    OverviewTab overview;

    @Inject
    MessagesTab messagesTab;

    @Inject
    MessageDetail detail;

    @Inject
    TraceTab trace;

    @Inject
    TemplatePreview preview;

    @Inject
    SendAgain sendAgain;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = Pages.session(request).orElseThrow();
        if (!session.hasRole(Roles.OWNER) && !session.hasRole(Roles.AUDITOR)) {
            forbidden(request, response);
            return;
        }
        var tab = Optional.ofNullable(request.getParameter("tab"))
                .filter(name -> name.matches("overview|events|settings|messages|message|trace|audit"))
                .orElse("overview");
        var values = new HashMap<String, Object>();
        values.put("tab", tab);
        values.put("readOnly", !session.hasRole(Roles.OWNER));
        values.put("done", request.getParameter("done"));
        values.put("paused", killSwitch.paused());
        values.put("pausedBanner", killSwitch.paused());
        values.put("userId", session.userId().toString());
        values.put("defaultMethod", notifier.method().name());
        values.put("defaultMethodWord", MethodReadiness.word(notifier.method()));
        values.put(
                "deliveryProblem",
                MethodReadiness.problem(notifier.method(), email, webhook).orElse(""));
        var rows = templates.system().stream()
                .map(template -> new TemplateRow(
                        template.id().toString(),
                        template.name(),
                        template.group(),
                        template.description(),
                        template.enabledByDefault(),
                        template.method().map(Enum::name).orElse(""),
                        template.method()
                                .flatMap(own -> MethodReadiness.problem(own, email, webhook))
                                .orElse("")))
                .toList();
        values.put("templates", rows);
        var byGroup = new LinkedHashMap<String, List<TemplateRow>>();
        rows.stream()
                // In the preference center's order, so that people and owners find a template in the same place.
                .sorted(java.util.Comparator.comparingInt((TemplateRow row) -> PreferenceCenter.rank(row.group()))
                        .thenComparing(TemplateRow::group)
                        .thenComparing(TemplateRow::name))
                .forEach(row -> byGroup.computeIfAbsent(row.group(), name -> new ArrayList<>())
                        .add(row));
        values.put(
                "templateGroups",
                byGroup.entrySet().stream()
                        .map(entry -> new TemplateGroup(entry.getKey(), entry.getValue()))
                        .toList());
        values.put(
                "methodWords",
                Map.of(
                        "smtp",
                        MethodReadiness.word(Method.smtp),
                        "webhook",
                        MethodReadiness.word(Method.webhook),
                        "inbox",
                        MethodReadiness.word(Method.inbox)));
        values.put("section", "console");
        // The inbox's bell (SPEC 12) is on the pages of a signed-in person; not on the unsubscribe pages.
        values.put("bell", true);
        values.put("limit", MESSAGES_SHOWN);
        switch (tab) {
            case "overview" -> overview.fill(values);
            case "events" -> {
                var previewed = Uuids.of(request.getParameter("preview")).flatMap(templates::byId);
                previewed.ifPresent(template -> {
                    values.put("previewTemplate", template);
                    users.byId(session.userId())
                            .ifPresent(owner -> values.put("preview", preview.parts(template, owner)));
                });
            }
            case "settings" -> values.put("settingGroups", settings.groups());
            case "messages" -> messagesTab.fill(request, values);
            case "message" -> {
                var id = Uuids.of(request.getParameter("id"));
                if (id.isEmpty() || !detail.fill(id.get(), values)) {
                    pages.problem(
                            request,
                            response,
                            404,
                            "No such message",
                            "Messages are kept 7 days after their last change; this one is not (or never was) here.");
                    return;
                }
            }
            case "trace" -> trace.fill(request.getParameter("person"), values);
            case "audit" -> audit(request, values);
            default -> {}
        }
        if ("overview".equals(request.getParameter("fragment")) && tab.equals("overview")) {
            pages.send(request, response, 200, "console-overview", values);
            return;
        }
        var testMessage = Uuids.of(request.getParameter("message"));
        testMessage.ifPresent(id -> values.put("testMessage", testOutcome(id)));
        if ("test".equals(request.getParameter("fragment")) && testMessage.isPresent()) {
            pages.send(request, response, 200, "console-test-outcome", values);
            return;
        }
        var fragment = "rows".equals(request.getParameter("fragment")) && tab.equals("messages");
        pages.send(request, response, 200, fragment ? "console-messages-rows" : "console", values);
    }

    /** What became of a test notification, as the Events tab shows it until it is final. */
    public record TestOutcome(String id, String status, String words, String reason, boolean settled) {}

    private TestOutcome testOutcome(UUID id) {
        return messages.byId(id)
                .map(message -> new TestOutcome(
                        id.toString(),
                        message.status(),
                        words(message.status()),
                        Optional.ofNullable(message.statusReason()).orElse(""),
                        Set.of("sent", "permanent_failure", "inhibited").contains(message.status())))
                .orElse(new TestOutcome(id.toString(), "", "Not found (purged?)", "", true));
    }

    /** The owner's changes: {@code action=method|test|pause|resume}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = Pages.session(request).orElseThrow();
        if (!session.hasRole(Roles.OWNER)) {
            forbidden(request, response);
            return;
        }
        var action = String.valueOf(request.getParameter("action"));
        String done;
        switch (action) {
            case "method" -> {
                var template = Uuids.of(request.getParameter("template")).flatMap(templates::byId);
                var method = Optional.ofNullable(request.getParameter("method"))
                        .filter(name -> name.matches("|smtp|webhook|inbox"));
                if (template.isEmpty() || method.isEmpty()) {
                    pages.problem(
                            request,
                            response,
                            400,
                            "Nothing was changed",
                            "Choose a template and default, smtp, webhook or inbox.");
                    return;
                }
                methods.change(template.get().id(), Method.named(method.get()), Optional.of(session.userId()));
                if (request.getHeader("X-CSRF-Token") != null) {
                    // The page's script saves a selector as soon as it changes, and stays on the page.
                    Pages.headers(response);
                    response.setStatus(204);
                    return;
                }
                done = "method";
            }
            case "test" -> {
                try {
                    // The page then follows the message of the template's method (not the inbox's) to its outcome.
                    done = "test"
                            + sender.test(session.userId()).messages().stream()
                                    .filter(message -> !message.method().equals(Method.inbox.name()))
                                    .findFirst()
                                    .map(message -> "&message=" + message.id())
                                    .orElse("");
                } catch (TooManyRequestsException e) {
                    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                    pages.problem(request, response, 429, "Too many test notifications", e.getMessage());
                    return;
                }
            }
            case "again" -> {
                var message = Uuids.of(request.getParameter("message"));
                if (message.isEmpty() || !sendAgain.message(message.get(), session.userId())) {
                    pages.problem(
                            request,
                            response,
                            409,
                            "Not sent again",
                            "Only a message that failed permanently can be sent again, and this one is not (any more).");
                    return;
                }
                Pages.headers(response);
                response.setStatus(303);
                response.setHeader("Location", PATH + "?tab=message&id=" + message.get() + "&done=again");
                return;
            }
            case "pause", "resume" -> {
                killSwitch.set(action.equals("pause"), Optional.of(session.userId()));
                done = action.equals("pause") ? "paused" : "resumed";
            }
            default -> {
                pages.problem(request, response, 400, "Nothing was changed", "The console does not know this action.");
                return;
            }
        }
        var tab = action.equals("pause") || action.equals("resume") ? "settings" : "events";
        Pages.headers(response);
        response.setStatus(303);
        response.setHeader("Location", PATH + "?tab=" + tab + "&done=" + done);
    }

    /** An audit entry as the console shows it: the actor by username, the change as JSON before and after. */
    public record AuditRow(
            String timeIso,
            String time,
            String actor,
            String action,
            String sentence,
            String resourceType,
            String before,
            String after) {}

    /** The audit tab's filter: the API's resource types, named as people say them. */
    static final Map<String, String> AUDIT_TYPES = auditTypes();

    /** In this order on the page (Map.of has none). */
    private static Map<String, String> auditTypes() {
        var types = new LinkedHashMap<String, String>();
        types.put(AuditStore.SETTINGS, "Pausing and resuming delivery");
        types.put(AuditStore.TEMPLATE, "Delivery methods");
        types.put(AuditStore.PREFERENCE, "Preferences");
        types.put(AuditStore.MESSAGE, "Messages sent again");
        return java.util.Collections.unmodifiableMap(types);
    }

    /** A page of the audit trail: the newest, or those older than the {@code before} entry; a full page links on. */
    private void audit(HttpServletRequest request, Map<String, Object> values) {
        var before = Optional.ofNullable(request.getParameter("before"))
                .filter(Uuids::isUuid)
                .map(UUID::fromString);
        var type = Optional.ofNullable(request.getParameter("type")).filter(AUDIT_TYPES::containsKey);
        var entries = audit.page(new AuditFilter(type, Optional.empty(), before, AUDIT_SHOWN));
        values.put("entries", auditRows(entries));
        values.put(
                "auditTypes",
                AUDIT_TYPES.entrySet().stream()
                        .map(each -> Map.of("name", each.getKey(), "words", each.getValue()))
                        .toList());
        values.put("auditType", type.orElse(""));
        values.put("auditPaged", before.isPresent());
        values.put(
                "auditOlder",
                entries.size() == AUDIT_SHOWN
                        ? entries.get(entries.size() - 1).id().toString()
                        : "");
    }

    private List<AuditRow> auditRows(List<AuditEntry> entries) {
        // The people named: each actor, and each person whose preferences changed.
        var ids = new java.util.HashSet<UUID>();
        for (var entry : entries) {
            Optional.ofNullable(entry.actorId()).ifPresent(ids::add);
            if (entry.resourceType().equals(AuditStore.PREFERENCE)) {
                Uuids.of(entry.resourceId()).ifPresent(ids::add);
            }
        }
        var people = users.byIds(List.copyOf(ids)).stream()
                .collect(Collectors.toMap(UserView::id, user -> user.name().isBlank() ? user.username() : user.name()));
        var templateNames = templates.system().stream()
                .collect(Collectors.toMap(template -> template.id().toString(), Template::name));
        return entries.stream()
                .map(entry -> {
                    var said = AuditSentence.of(
                            entry,
                            id -> people.getOrDefault(id, id.toString()),
                            id -> templateNames.getOrDefault(id, id));
                    return new AuditRow(
                            entry.time().toString(),
                            TIME.format(entry.time()),
                            entry.actorId() == null
                                    ? "unsubscribe link"
                                    : people.getOrDefault(
                                            entry.actorId(), entry.actorId().toString()),
                            said.action(),
                            said.sentence(),
                            entry.resourceType(),
                            entry.oldValue().toString(),
                            entry.newValue().toString());
                })
                .toList();
    }

    private void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.problem(
                request,
                response,
                403,
                "Owners only",
                "The deployment console is for owners (and, read-only, auditors). Your notification settings are on the preference center.");
    }
}
