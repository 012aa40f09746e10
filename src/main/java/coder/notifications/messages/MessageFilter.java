package coder.notifications.messages;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Uuids;
import java.util.Optional;
import java.util.UUID;

/** The query of {@code GET /notifications/messages}: optional status, user and template, and a limit (default 100). */
public record MessageFilter(
        Optional<MessageStatus> status, Optional<UUID> userId, Optional<UUID> templateId, int limit) {

    static final int MAX_LIMIT = 1000;

    public static MessageFilter of(String status, String userId, String templateId, String limit) {
        return new MessageFilter(
                present(status)
                        .map(
                                name -> MessageStatus.named(name)
                                        .orElseThrow(
                                                () -> InvalidRequestException.field(
                                                        "status",
                                                        "must be one of pending, leased, sent, temporary_failure, permanent_failure, inhibited"))),
                present(userId).map(id -> Uuids.parse("user_id", id)),
                present(templateId).map(id -> Uuids.parse("template_id", id)),
                limit(limit));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static int limit(String value) {
        if (present(value).isEmpty()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.field("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
