package coder.notifications.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A {@code text[]} column as a list of strings; the driver binds a {@code String[]} as an array, element by element. */
@Converter
public class TextArrayConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        return column == null
                ? List.of()
                : Arrays.stream(ArrayColumns.elements(column))
                        .map(String.class::cast)
                        .toList();
    }
}
