package coder.notifications.database;

import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.util.PGobject;

/**
 * Values of PostgreSQL types the driver has no Java type for: a {@code jsonb} document and a {@code uuid[]}. Bound
 * as typed objects, so the server parses them as their column's type; text arrays need nothing of this kind (a
 * {@code String[]} binds as one).
 */
public final class PgTypes {

    private PgTypes() {}

    public static PGobject jsonb(String json) {
        return typed("jsonb", json);
    }

    /** A {@code uuid[]}: its text form needs no quoting, a UUID's characters being hex digits and dashes. */
    public static PGobject uuidArray(Collection<UUID> ids) {
        return typed("uuid[]", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    private static PGobject typed(String type, String value) {
        try {
            var object = new PGobject();
            object.setType(type);
            object.setValue(value);
            return object;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build a " + type + " value", e);
        }
    }

    /** The text of a {@code jsonb} column as the driver returns it. */
    public static String text(Object column) {
        return column instanceof PGobject object ? object.getValue() : column.toString();
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
