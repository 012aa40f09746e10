package coder.notifications.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Limits every request body obeys, so that hostile input is refused with a 400 before anything is stored:
 * nesting depth, and no NUL character in any string or key (PostgreSQL text and jsonb cannot hold one).
 */
final class JsonLimits {

    static final int MAX_DEPTH = 32;

    private JsonLimits() {}

    static void check(JsonValue value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw InvalidRequestException.field(path, "is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (value.getValueType()) {
            case OBJECT ->
                value.asJsonObject().forEach((key, member) -> {
                    noNul(key, path);
                    check(member, path + "." + key, depth + 1);
                });
            case ARRAY -> {
                var array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            case STRING -> noNul(((JsonString) value).getString(), path);
            default -> {}
        }
    }

    private static void noNul(String text, String path) {
        if (text.indexOf('\0') >= 0) {
            throw InvalidRequestException.field(
                    path.startsWith("body.") ? path.substring(5) : path, "must not contain NUL characters");
        }
    }
}
