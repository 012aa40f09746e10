package coder.notifications.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The rows of a JPA native query, typed once for every store: each row an {@code Object[]} of JDBC values. */
public final class NativeRows {

    private NativeRows() {
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> of(List<?> rows) {
        return (List<Object[]>) rows;
    }

    /** A {@code timestamptz} column, null kept as null. */
    public static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
