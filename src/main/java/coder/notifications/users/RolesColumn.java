package coder.notifications.users;

import coder.notifications.database.TextArrayConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The {@code roles text[]} column as roles, each stored under its word. */
@Converter
public class RolesColumn implements AttributeConverter<List<Role>, Object> {

    private final TextArrayConverter words = new TextArrayConverter();

    @Override
    public Object convertToDatabaseColumn(List<Role> roles) {
        return words.convertToDatabaseColumn(
                roles == null ? List.of() : roles.stream().map(Role::word).toList());
    }

    @Override
    public List<Role> convertToEntityAttribute(Object column) {
        return words.convertToEntityAttribute(column).stream()
                .map(word -> Role.named(word)
                        .orElseThrow(() -> new IllegalStateException("the database holds an unknown role " + word)))
                .toList();
    }
}
