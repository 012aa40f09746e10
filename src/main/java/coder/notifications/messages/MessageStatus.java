package coder.notifications.messages;

import java.util.Arrays;
import java.util.Optional;

/** The states of a message (SPEC section 3); the names are the column values. */
public enum MessageStatus {
    pending,
    leased,
    sent,
    temporary_failure,
    permanent_failure,
    inhibited;

    public static Optional<MessageStatus> named(String name) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    /** The column: MessageStatus under its word. */
    @jakarta.persistence.Converter
    public static class Column implements jakarta.persistence.AttributeConverter<MessageStatus, String> {
        @Override
        public String convertToDatabaseColumn(MessageStatus value) {
            return value == null ? null : value.name();
        }

        @Override
        public MessageStatus convertToEntityAttribute(String column) {
            return coder.notifications.database.EnumWords.parse(MessageStatus.class, column, MessageStatus::name);
        }
    }
}
