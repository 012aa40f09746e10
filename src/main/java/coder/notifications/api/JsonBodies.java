package coder.notifications.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Map;

/**
 * Request bodies are read as JSON-P values and validated by hand, so that every error names its field
 * ({@code labels.name must be a string}) instead of surfacing a binding exception.
 */
public final class JsonBodies {

    private JsonBodies() {}

    /** The body as strict UTF-8: a malformed byte sequence is a 400, not a replacement character. */
    public static JsonObject object(byte[] body) {
        if (body == null) {
            return object((String) null);
        }
        try {
            return object(java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InvalidRequestException.field("body", "is not valid UTF-8");
        }
    }

    /** Made once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidRequestException.field("body", "is missing: send a JSON object");
        }
        JsonValue value;
        try (var reader = READERS.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw InvalidRequestException.field("body", "is not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            throw InvalidRequestException.field("body", "is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidRequestException.field("body", "must be a JSON object");
        }
        JsonLimits.check(value, "body", 0);
        return value.asJsonObject();
    }
}
