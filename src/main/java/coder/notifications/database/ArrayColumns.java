package coder.notifications.database;

import java.sql.Array;
import java.sql.SQLException;

/** The elements of an array column, whether the provider hands over the driver's {@link Array} or its elements. */
final class ArrayColumns {

    private ArrayColumns() {}

    static Object[] elements(Object column) {
        if (column instanceof Array array) {
            try {
                return (Object[]) array.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read an array column", e);
            }
        }
        return (Object[]) column;
    }
}
