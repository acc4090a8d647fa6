package org.xieshang.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Excel workbooks (.xlsx) from tables: one sheet per table, a bold header row, typed cells. */
public final class Spreadsheets {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /**
     * One sheet per table, named after the table's title (made safe and unique). Counts are
     * numeric cells, shares numeric cells formatted as percentages, dates date cells, so that
     * the figures can be summed and charted in Excel.
     */
    public static byte[] workbook(List<Table> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle count = wb.createCellStyle();
            count.setDataFormat(wb.createDataFormat().getFormat("0"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(sheetName(t.title(), names));
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(t.columns().get(c).header());
                    cell.setCellStyle(header);
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = t.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        switch (t.columns().get(c).kind()) {
                            case COUNT -> {
                                cell.setCellValue(((Number) v).doubleValue());
                                cell.setCellStyle(count);
                            }
                            case PERCENT -> {
                                cell.setCellValue(((Number) v).doubleValue());
                                cell.setCellStyle(percent);
                            }
                            case DATE -> {
                                cell.setCellValue((LocalDate) v);
                                cell.setCellStyle(date);
                            }
                            case TEXT -> cell.setCellValue(String.valueOf(v));
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < t.columns().size(); c++) {
                    // wide enough for Chinese headers without measuring fonts (autoSize needs AWT fonts)
                    int chars = t.columns().get(c).header().length() * 2 + 2;
                    for (List<Object> values : t.rows()) {
                        Object v = values.get(c);
                        chars = Math.max(chars, v == null ? 0 : Math.min(60, String.valueOf(v).length() * 2));
                    }
                    sheet.setColumnWidth(c, Math.min(255, Math.max(8, chars)) * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(String title, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(title);
        if (base.length() > 28) {
            base = base.substring(0, 28);
        }
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
