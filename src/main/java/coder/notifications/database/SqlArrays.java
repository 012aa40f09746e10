package coder.notifications.database;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL arrays through JPA native queries: written as array literals cast in SQL
 * ({@code CAST(?1 AS uuid[])}), read back as JSON ({@code array_to_json(roles)::text}).
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The array literal of the values, every element quoted: {@code {"a","b\"c"}}. */
    public static String literal(Collection<?> values) {
        return values.stream()
                .map(value -> "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static List<String> jsonStrings(String json) {
        if (json == null) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    /** Whether a failure was caused by a unique constraint (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
