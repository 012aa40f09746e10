package coder.notifications.pages;

import coder.notifications.api.Uuids;
import coder.notifications.config.Method;
import coder.notifications.config.MethodReadiness;
import coder.notifications.messages.MessageQuery;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.MessageView;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's Messages tab: pages of 50, newest first, walked with a keyset cursor on {@code (created_at, id)} (no
 * row is repeated or skipped while new ones arrive), filtered by status or any failure, template, recipient, failure
 * reason and a creation time range (UTC). The first page refreshes itself; each row links to the message's view.
 */
@ApplicationScoped
public class MessagesTab {

    static final int PAGE = 50;

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How a time range is written in the form: a datetime-local value, read as UTC. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A message as the console's tables show it. */
    public record MessageRow(
            String id,
            String createdIso,
            String created,
            String template,
            String recipient,
            String method,
            String status,
            String statusWords,
            String reason,
            int attempts,
            String nextRetry) {}

    @Inject
    MessageStore messages;

    @Inject
    UserStore users;

    void fill(HttpServletRequest request, Map<String, Object> values) {
        var status = Optional.ofNullable(request.getParameter("status")).flatMap(MessageStatus::named);
        var failed = "1".equals(request.getParameter("failed")) || "failed".equals(request.getParameter("status"));
        var template = Uuids.of(request.getParameter("template"));
        var userText = present(request.getParameter("user"));
        var user = userText.flatMap(
                text -> Uuids.of(text).or(() -> users.byUsername(text).map(UserView::id)));
        var reason = Optional.ofNullable(request.getParameter("reason"));
        var from = time(request.getParameter("from"));
        var to = time(request.getParameter("to"));
        var before = MessageQuery.Cursor.parse(request.getParameter("before"));
        var list = userText.isPresent() && user.isEmpty()
                ? List.<MessageView>of()
                : messages.page(new MessageQuery(status, failed, user, template, reason, from, to, before, PAGE));
        values.put("messages", rows(list));
        values.put("paged", before.isPresent());
        values.put("limit", PAGE);
        // The filters as a query string, for the page links and the refresh.
        var filters = new ArrayList<String>();
        status.ifPresent(each -> filters.add("status=" + each.name()));
        if (failed) {
            filters.add("failed=1");
        }
        template.ifPresent(each -> filters.add("template=" + each));
        userText.ifPresent(each -> filters.add("user=" + encode(each)));
        reason.ifPresent(each -> filters.add("reason=" + encode(each)));
        from.ifPresent(each -> filters.add("from=" + encode(local(each))));
        to.ifPresent(each -> filters.add("to=" + encode(local(each))));
        var query = "tab=messages" + filters.stream().map(each -> "&" + each).collect(Collectors.joining());
        values.put("pageQuery", query);
        values.put(
                "olderCursor",
                list.size() == PAGE
                        ? new MessageQuery.Cursor(
                                        list.get(PAGE - 1).createdAt(),
                                        list.get(PAGE - 1).id())
                                .toString()
                        : "");
        // Only the newest page refreshes itself: an older page would shift under the reader.
        values.put("refreshUrl", before.isEmpty() ? Console.PATH + "?" + query + "&fragment=rows" : "");
        values.put(
                "statuses",
                Arrays.stream(MessageStatus.values())
                        .map(each -> Map.of("name", each.name(), "words", Console.STATUS_WORDS.get(each)))
                        .toList());
        values.put("filterStatus", status.map(Enum::name).orElse(failed ? "failed" : ""));
        values.put("filterTemplate", template.map(Object::toString).orElse(""));
        values.put("filterUser", userText.orElse(""));
        values.put("filterReason", reason.orElse(""));
        values.put("filterFrom", from.map(MessagesTab::local).orElse(""));
        values.put("filterTo", to.map(MessagesTab::local).orElse(""));
    }

    /** The rows of a list of messages, recipients by username. */
    List<MessageRow> rows(List<MessageView> list) {
        var recipients = users
                .byIds(list.stream().map(MessageView::userId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return list.stream()
                .map(message -> new MessageRow(
                        message.id().toString(),
                        message.createdAt().toString(),
                        TIME.format(message.createdAt()),
                        message.notificationName(),
                        Optional.ofNullable(recipients.get(message.userId()))
                                .map(UserView::username)
                                .orElse(message.userId().toString()),
                        methodWord(message.method()),
                        message.status(),
                        Console.words(message.status()),
                        Optional.ofNullable(message.statusReason()).orElse(""),
                        message.attemptCount(),
                        Optional.ofNullable(message.nextRetryAfter())
                                .map(TIME::format)
                                .orElse("")))
                .toList();
    }

    /** A message's method as people say it: email, webhook or inbox. */
    static String methodWord(String method) {
        return Method.named(method)
                .filter(Method.smtp::equals)
                .map(MethodReadiness::word)
                .orElse(method);
    }

    /** A datetime-local value (or an ISO instant) as an instant, read as UTC; empty when absent or unreadable. */
    static Optional<Instant> time(String text) {
        return present(text).flatMap(value -> {
            try {
                return Optional.of(LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(Instant.parse(value));
                } catch (DateTimeParseException again) {
                    return Optional.empty();
                }
            }
        });
    }

    static String local(Instant time) {
        return LOCAL.format(time.atOffset(ZoneOffset.UTC));
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(value -> !value.isEmpty());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
