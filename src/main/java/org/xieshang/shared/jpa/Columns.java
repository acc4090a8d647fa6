package org.xieshang.shared.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Nullable values of a plain SQL row, read the way Hibernate maps the same columns: ids as
 * {@code Long} (null stays null), {@code timestamp with time zone} as {@link Instant}, {@code date}
 * as {@link LocalDate}, enums by name.
 */
public final class Columns {

    private Columns() {
    }

    public static Long id(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    /** As {@link #id(ResultSet, String)}, by the column's position. */
    public static Long id(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** As {@link #instant(ResultSet, String)}, by the column's position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static <E extends Enum<E>> E of(Class<E> type, ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
