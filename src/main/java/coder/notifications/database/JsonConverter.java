package coder.notifications.database;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/** A {@code jsonb} column of any JSON value (the audit trail's before and after). */
@Converter
public class JsonConverter implements AttributeConverter<JsonValue, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonValue value) {
        return PgTypes.jsonb((value == null ? JsonValue.NULL : value).toString());
    }

    @Override
    public JsonValue convertToEntityAttribute(Object column) {
        if (column == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(PgTypes.text(column)))) {
            return reader.readValue();
        }
    }
}
