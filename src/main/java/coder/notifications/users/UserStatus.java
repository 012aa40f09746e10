package coder.notifications.users;

import java.util.Arrays;
import java.util.Optional;

/** Whether a directory user receives notifications and may sign in; the names are the column values, as in Coder. */
public enum UserStatus {
    active,
    suspended,
    dormant;

    public static Optional<UserStatus> named(String name) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    /** The column: UserStatus under its word. */
    @jakarta.persistence.Converter
    public static class Column implements jakarta.persistence.AttributeConverter<UserStatus, String> {
        @Override
        public String convertToDatabaseColumn(UserStatus value) {
            return value == null ? null : value.name();
        }

        @Override
        public UserStatus convertToEntityAttribute(String column) {
            return coder.notifications.database.EnumWords.parse(UserStatus.class, column, UserStatus::name);
        }
    }
}
