package org.xieshang.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document (.docx) written top to bottom in the style of an official Chinese document:
 * a centred title in a heading font, headings in 黑体, body text in 仿宋 with a two-character
 * first-line indent, tables with a bold header row.
 */
public final class WordDocument {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";
    private static final String TABLE_FONT = "宋体";

    private final XWPFDocument doc = new XWPFDocument();

    public WordDocument title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        run(p, text, TITLE_FONT, 22, true);
        return this;
    }

    /** A centred line under the title, e.g. the issuing committee and date. */
    public WordDocument subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        run(p, text, BODY_FONT, 16, false);
        return this;
    }

    public WordDocument heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        p.setSpacingAfter(100);
        run(p, text, HEADING_FONT, 16, false);
        return this;
    }

    public WordDocument paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640); // two characters of 16 pt
        p.setSpacingAfter(100);
        run(p, text, BODY_FONT, 16, false);
        return this;
    }

    /** A table as on the page: header row in bold, cells as text (shares as percentages). */
    public WordDocument table(Table table) {
        int columns = table.columns().size();
        XWPFTable t = doc.createTable(table.rows().size() + 1, columns);
        t.setWidth("100%");
        XWPFTableRow head = t.getRow(0);
        for (int c = 0; c < columns; c++) {
            cell(head, c, table.columns().get(c).header(), true);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            for (int c = 0; c < columns; c++) {
                cell(row, c, table.text(r, c), false);
            }
        }
        doc.createParagraph();
        return this;
    }

    /** What follows starts on a new page (e.g. one letter per page). */
    public WordDocument pageBreak() {
        doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
        return this;
    }

    public byte[] bytes() {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph p = row.getCell(column).getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, TABLE_FONT, 10.5, bold);
    }

    private static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
    }
}
