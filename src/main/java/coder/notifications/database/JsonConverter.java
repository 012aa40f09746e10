package coder.notifications.database;

import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.Map;

/** A {@code jsonb} column of any JSON value (the audit trail's before and after). */
@Converter
public class JsonConverter implements AttributeConverter<JsonValue, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonValue value) {
        return PgTypes.jsonb((value == null ? JsonValue.NULL : value).toString());
    }

    /** Made once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @Override
    public JsonValue convertToEntityAttribute(Object column) {
        if (column == null) {
            return JsonValue.NULL;
        }
        try (var reader = READERS.createReader(new StringReader(PgTypes.text(column)))) {
            return reader.readValue();
        }
    }
}
