package coder.notifications.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A {@code uuid[]} column as a list of UUIDs. */
@Converter
public class UuidArrayConverter implements AttributeConverter<List<UUID>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<UUID> ids) {
        return PgTypes.uuidArray(ids == null ? List.of() : ids);
    }

    @Override
    public List<UUID> convertToEntityAttribute(Object column) {
        return column == null
                ? List.of()
                : Arrays.stream(ArrayColumns.elements(column))
                        .map(UUID.class::cast)
                        .toList();
    }
}
