package org.xieshang.committee.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.UnitType;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.files.ImportSheet;
import org.xieshang.shared.i18n.Messages;

/**
 * Unit import from .xlsx, the member import's two steps (MemberImport): a preview with a status and
 * message per row, then a commit that imports every row or none. Columns 单位名称 and 单位类型; the
 * type is its Chinese or English label or its code (DEPARTMENT ...).
 */
@Service
public class UnitImport {

    static final String[] HEADERS = {"单位名称", "单位类型"};
    static final int MAX_ROWS = 2000;

    public record RowResult(int row, String name, boolean ok, String message) {
    }

    public record Preview(List<RowResult> rows, int ok, int rejected) {
    }

    public record Rejected(int row, String message) {
    }

    public record Outcome(int imported, List<Rejected> rejected) {
    }

    private final UnitRepository units;
    private final Messages messages;

    UnitImport(UnitRepository units, Messages messages) {
        this.units = units;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Preview preview(InputStream xlsx) {
        CurrentUsers.requireAny(Role.ADMIN);
        List<Parsed> parsed = parse(xlsx);
        List<RowResult> rows = parsed.stream().map(p -> new RowResult(p.row, p.name, p.error == null,
                p.error == null ? messages.get("import.rowOk") : p.error)).toList();
        int ok = (int) rows.stream().filter(RowResult::ok).count();
        return new Preview(rows, ok, rows.size() - ok);
    }

    @Transactional
    public Outcome commit(InputStream xlsx) {
        CurrentUsers.requireAny(Role.ADMIN);
        List<Parsed> parsed = parse(xlsx);
        List<Rejected> rejected = parsed.stream().filter(p -> p.error != null).map(p -> new Rejected(p.row, p.error)).toList();
        if (!rejected.isEmpty()) {
            return new Outcome(0, rejected);
        }
        units.saveAll(parsed.stream().map(p -> new Unit(p.name, p.type)).toList());
        units.flush();
        return new Outcome(parsed.size(), List.of());
    }

    /** An empty workbook with the header row and one example row. */
    public byte[] template() {
        CurrentUsers.requireAny(Role.ADMIN);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("单位");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, 24 * 256);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("区教育局");
            row.createCell(1).setCellValue(messages.get(Messages.DEFAULT_LOCALE, "enum.UnitType.DEPARTMENT"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Parsed {
        int row;
        String name;
        UnitType type;
        String error;
    }

    private List<Parsed> parse(InputStream xlsx) {
        Map<String, UnitType> types = types();
        Set<String> seen = new HashSet<>();
        return ImportSheet.read(xlsx, List.of(HEADERS), MAX_ROWS, line -> {
            Parsed p = new Parsed();
            p.row = line.number();
            p.name = line.text(HEADERS[0]);
            String type = line.text(HEADERS[1]);
            p.type = type == null ? null : types.get(type.toLowerCase(Locale.ROOT));
            if (p.name == null || p.name.length() > 200) {
                p.error = messages.get("refdata.import.field.name") + ": " + messages.get("validation.length", 1, 200);
            } else if (p.type == null) {
                p.error = messages.get("refdata.import.field.type") + ": " + (type == null
                        ? messages.get("validation.required") : messages.get("refdata.import.unknownType", type));
            } else if (units.existsByName(p.name)) {
                p.error = messages.get("refdata.import.exists", p.name);
            } else if (!seen.add(p.name)) {
                p.error = messages.get("import.duplicateInFile");
            }
            return p;
        });
    }

    /** Every accepted spelling of a type, lower case: code, Chinese and English label. */
    private Map<String, UnitType> types() {
        Map<String, UnitType> types = new HashMap<>();
        for (UnitType t : UnitType.values()) {
            types.put(t.name().toLowerCase(Locale.ROOT), t);
            for (Locale locale : List.of(Messages.DEFAULT_LOCALE, Locale.ENGLISH)) {
                types.put(messages.get(locale, "enum.UnitType." + t.name()).toLowerCase(Locale.ROOT), t);
            }
        }
        return types;
    }
}
