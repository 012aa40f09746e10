package coder.notifications.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * Limits every request body obeys, so that hostile input is refused with a 400 before anything is stored:
 * nesting depth, no NUL character in any string or key (PostgreSQL text and jsonb cannot hold one), and no number
 * longer than {@value #MAX_NUMBER} characters written out in full. PostgreSQL's jsonb keeps a number written out
 * ({@code 1e1200} becomes a 1 and 1,200 zeros), so a short exponent could otherwise store a payload that no JSON
 * reader takes back, or one far larger than the request that carried it.
 */
public final class JsonLimits {

    static final int MAX_DEPTH = 32;

    /** Characters of a number written out: every IEEE double fits (the longest, 2.2250738585072014e-308, is 326). */
    static final int MAX_NUMBER = 400;

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
            case NUMBER -> {
                var length = writtenOut(((JsonNumber) value).bigDecimalValue());
                if (length > MAX_NUMBER) {
                    throw InvalidRequestException.field(
                            field(path),
                            "is a number of " + length + " characters when written out in full; at most " + MAX_NUMBER
                                    + " are allowed");
                }
            }
            default -> {}
        }
    }

    /**
     * How many characters the value takes as PostgreSQL's jsonb stores it: compact JSON with every number written
     * out in full. Used for size limits, which must hold for what is stored, not for what was sent.
     */
    public static long storedLength(JsonValue value) {
        return value.toString().length() + numbersWrittenOut(value);
    }

    /** What writing every number out in full adds to the value's compact JSON. */
    private static long numbersWrittenOut(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT ->
                value.asJsonObject().values().stream()
                        .mapToLong(JsonLimits::numbersWrittenOut)
                        .sum();
            case ARRAY ->
                value.asJsonArray().stream()
                        .mapToLong(JsonLimits::numbersWrittenOut)
                        .sum();
            case NUMBER ->
                writtenOut(((JsonNumber) value).bigDecimalValue())
                        - value.toString().length();
            default -> 0;
        };
    }

    /** The length of the number without an exponent, worked out from its digits (never by writing it out). */
    static long writtenOut(BigDecimal number) {
        long precision = number.precision();
        long scale = number.scale();
        long digits;
        if (scale <= 0) {
            digits = precision - scale;
        } else if (scale >= precision) {
            digits = 2 + scale;
        } else {
            digits = precision + 1;
        }
        return digits + (number.signum() < 0 ? 1 : 0);
    }

    private static String field(String path) {
        return path.startsWith("body.") ? path.substring(5) : path;
    }

    private static void noNul(String text, String path) {
        if (text.indexOf('\0') >= 0) {
            throw InvalidRequestException.field(field(path), "must not contain NUL characters");
        }
    }
}
