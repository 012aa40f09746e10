package coder.notifications.inbox;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Uuids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The parameters of the inbox list and watch (SPEC 12), checked before anything is read or upgraded: an unknown
 * parameter, a repeated one or a bad value is a 400 naming it.
 *
 * @param targets every one of them must be among an item's targets
 * @param templates an item's template must be one of them (any, when empty)
 * @param startingBefore the last item of the previous page (list only)
 * @param plaintext whether title and content are sent as plain text (watch only)
 */
public record InboxQuery(
        List<UUID> targets,
        List<UUID> templates,
        ReadStatus readStatus,
        Optional<UUID> startingBefore,
        boolean plaintext) {

    public enum ReadStatus {
        all,
        read,
        unread
    }

    /** At most this many uuids in {@code targets} or {@code templates}. */
    static final int MAX_IDS = 100;

    static final Set<String> LIST = Set.of("targets", "templates", "read_status", "starting_before");
    static final Set<String> WATCH = Set.of("targets", "templates", "read_status", "format");

    /** The list's parameters, as the servlet API gives them. */
    public static InboxQuery forList(Map<String, String[]> parameters) {
        return parse(parameters, LIST);
    }

    /** The watch's parameters, as the servlet API gives them. */
    public static InboxQuery forWatch(Map<String, String[]> parameters) {
        return parse(parameters, WATCH);
    }

    private static InboxQuery parse(Map<String, String[]> parameters, Set<String> known) {
        for (var entry : parameters.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw InvalidRequestException.field(
                        shorten(entry.getKey()),
                        "is not a parameter of this request; known: " + String.join(", ", sorted(known)));
            }
            if (entry.getValue().length > 1) {
                throw InvalidRequestException.field(entry.getKey(), "is given more than once");
            }
        }
        var readStatus = value(parameters, "read_status")
                .map(text -> switch (text) {
                    case "all" -> ReadStatus.all;
                    case "read" -> ReadStatus.read;
                    case "unread" -> ReadStatus.unread;
                    default -> throw InvalidRequestException.field("read_status", "must be all, read or unread");
                })
                .orElse(ReadStatus.all);
        var format = value(parameters, "format").orElse("markdown");
        if (!format.equals("markdown") && !format.equals("plaintext")) {
            throw InvalidRequestException.field("format", "must be markdown or plaintext");
        }
        return new InboxQuery(
                ids(parameters, "targets"),
                ids(parameters, "templates"),
                readStatus,
                value(parameters, "starting_before").map(text -> {
                    if (!Uuids.isUuid(text)) {
                        throw InvalidRequestException.field("starting_before", "must be the id of an inbox item");
                    }
                    return UUID.fromString(text);
                }),
                format.equals("plaintext"));
    }

    /** Whether a new item matches the filters (the watch's test; the list's is in SQL, see {@link InboxStore}). */
    boolean matches(InboxNotification item) {
        return item.targets().containsAll(targets)
                && (templates.isEmpty() || templates.contains(item.templateId()))
                && switch (readStatus) {
                    case all -> true;
                    case read -> !item.unread();
                    case unread -> item.unread();
                };
    }

    private static Optional<String> value(Map<String, String[]> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.length == 0 || values[0].isEmpty() ? Optional.empty() : Optional.of(values[0]);
    }

    private static List<UUID> ids(Map<String, String[]> parameters, String name) {
        var ids = new ArrayList<UUID>();
        var text = value(parameters, name);
        if (text.isEmpty()) {
            return ids;
        }
        for (var part : text.get().split(",", -1)) {
            var id = part.trim();
            if (!Uuids.isUuid(id)) {
                throw InvalidRequestException.field(
                        name, "must be comma-separated uuids; \"" + shorten(id) + "\" is not one");
            }
            if (ids.size() == MAX_IDS) {
                throw InvalidRequestException.field(name, "may name at most " + MAX_IDS + " uuids");
            }
            ids.add(UUID.fromString(id));
        }
        return List.copyOf(ids);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
