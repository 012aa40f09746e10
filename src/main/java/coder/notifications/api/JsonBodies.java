package coder.notifications.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Request bodies are read as JSON-P values and validated by hand, so that every error names its field
 * ({@code labels.name must be a string}) instead of surfacing a binding exception.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidRequestException.field("body", "is missing: send a JSON object");
        }
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw InvalidRequestException.field("body", "is not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            throw InvalidRequestException.field("body", "is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidRequestException.field("body", "must be a JSON object");
        }
        return value.asJsonObject();
    }
}
