package org.xieshang.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xieshang.shared.error.InvalidInput;

/**
 * The first sheet of an uploaded .xlsx read the way every import here reads it (members, units):
 * a header row naming the columns (a trailing "*" marks required ones in the templates), required
 * columns checked, a row limit, blank rows skipped, and each file-level fault a 400 on field
 * {@code file} in the user's language. What a row means is the importer's business.
 */
public final class ImportSheet {

    /** One non-blank data row; {@code number} is the row number the user sees in Excel. */
    public record ImportRow(int number, Row row, Map<String, Integer> columns, DataFormatter formatter) {

        /** The trimmed text under a header, or null when the column or the cell is missing or empty. */
        public String text(String header) {
            return ImportSheet.text(row, columns.get(header), formatter);
        }
    }

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ImportRow row);
    }

    private ImportSheet() {
    }

    /** Every non-blank data row read by {@code reader}; 400 when the file is no .xlsx, lacks a column, or is empty. */
    public static <T> List<T> read(InputStream xlsx, List<String> required, int maxRows, RowReader<T> reader) {
        Workbook wb;
        try {
            wb = new XSSFWorkbook(xlsx);
        } catch (Exception notXlsx) {
            throw InvalidInput.field("file", "import.notXlsx");
        }
        try (wb) {
            Sheet sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
            if (sheet == null || sheet.getRow(0) == null) {
                throw InvalidInput.field("file", "import.noHeader");
            }
            Map<String, Integer> columns = new HashMap<>();
            DataFormatter formatter = new DataFormatter();
            for (Cell cell : sheet.getRow(0)) {
                columns.put(formatter.formatCellValue(cell).strip().replace("*", ""), cell.getColumnIndex());
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw InvalidInput.field("file", "import.missingColumn", column);
                }
            }
            if (sheet.getLastRowNum() > maxRows) {
                throw InvalidInput.field("file", "import.tooManyRows", maxRows);
            }
            List<T> result = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && !isBlank(row, formatter)) {
                    result.add(reader.read(new ImportRow(r + 1, row, columns, formatter)));
                }
            }
            if (result.isEmpty()) {
                throw InvalidInput.field("file", "import.empty");
            }
            return result;
        } catch (IOException e) {
            throw InvalidInput.field("file", "import.notXlsx");
        }
    }

    /** The trimmed text of a cell, or null when the column or the cell is missing or empty. */
    public static String text(Row row, Integer col, DataFormatter f) {
        if (col == null || row.getCell(col) == null) {
            return null;
        }
        String s = f.formatCellValue(row.getCell(col)).strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean isBlank(Row row, DataFormatter f) {
        for (Cell cell : row) {
            if (!f.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
