package org.xieshang.document;

import java.util.List;
import java.util.Objects;

/**
 * A table of figures as shown on a page and exported: a title (the sheet name in a workbook),
 * typed columns and rows of cell values. Values: {@link String} for TEXT, {@link Number} for
 * COUNT, a share in [0, 1] ({@link Number}) for PERCENT, {@link java.time.LocalDate} for DATE;
 * {@code null} is an empty cell.
 */
public record Table(String id, String title, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, COUNT, PERCENT, DATE }

    public record Column(String header, Kind kind) {
    }

    public Table {
        Objects.requireNonNull(title);
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(r -> {
            if (r.size() != width) {
                throw new IllegalArgumentException("row of " + r.size() + " cells in a table of " + width + " columns");
            }
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r));
        }).toList();
    }

    /** A share in [0, 1] as the text a reader expects, e.g. "85.0%"; "—" when there is none. */
    public static String percent(Object share) {
        return share instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "—";
    }

    /** A cell as text (for pages and documents). */
    public String text(int row, int column) {
        Object v = rows.get(row).get(column);
        return switch (columns.get(column).kind()) {
            case PERCENT -> percent(v);
            case COUNT, TEXT, DATE -> v == null ? "" : String.valueOf(v);
        };
    }
}
