package coder.notifications.messages;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A page of the console's Messages tab: newest first on {@code (created_at, id)}, older than the {@code before}
 * cursor, filtered by status (or any failure), recipient, template, failure reason and creation time range.
 *
 * @param failed any failure (temporary or permanent), when no single status is asked for
 * @param reason the first 200 characters of a failure reason, as the overview counts it
 * @param from created at or after; {@code to}: created before
 */
public record MessageQuery(
        Optional<MessageStatus> status,
        boolean failed,
        Optional<UUID> userId,
        Optional<UUID> templateId,
        Optional<String> reason,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<Cursor> before,
        int limit) {

    /** A message's place in the newest-first order: the page after it starts below it. */
    public record Cursor(Instant createdAt, UUID id) {

        /** As a page link carries it: {@code <ISO instant>_<id>}. */
        @Override
        public String toString() {
            return createdAt + "_" + id;
        }

        public static Optional<Cursor> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            var parts = text.split("_", 2);
            try {
                return parts.length == 2
                        ? Optional.of(new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1])))
                        : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** One person's messages created since {@code from}, newest first. */
    public static MessageQuery ofUser(UUID userId, Instant from, int limit) {
        return new MessageQuery(
                Optional.empty(),
                false,
                Optional.of(userId),
                Optional.empty(),
                Optional.empty(),
                Optional.of(from),
                Optional.empty(),
                Optional.empty(),
                limit);
    }
}
