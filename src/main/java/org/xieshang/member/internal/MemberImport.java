package org.xieshang.member.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.files.ImportSheet;
import org.xieshang.shared.i18n.Messages;

/**
 * Member import from .xlsx in two steps: a preview with a status and message per row, then a
 * commit that imports every row or none (OpenSlides' import pattern).
 */
@Service
public class MemberImport {

    static final String[] HEADERS = {"姓名", "性别", "民族", "出生日期", "党派", "界别", "专委会", "工作单位", "职务", "手机", "邮箱", "委员职务"};
    static final int MAX_ROWS = 5000;

    public record RowResult(int row, String name, boolean ok, String message) {
    }

    public record Preview(List<RowResult> rows, int ok, int rejected) {
    }

    public record Rejected(int row, String message) {
    }

    public record Outcome(int imported, List<Rejected> rejected) {
    }

    private final MemberService members;
    private final ReferenceData reference;
    private final Messages messages;

    MemberImport(MemberService members, ReferenceData reference, Messages messages) {
        this.members = members;
        this.reference = reference;
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
        members.saveAll(parsed.stream().map(p -> p.data).toList());
        return new Outcome(parsed.size(), List.of());
    }

    /** An empty workbook with the expected header row and one example row. */
    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("委员");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, 14 * 256);
            }
            String[] example = {"张三", "男", "汉族", "1975-06-01", "中国民主同盟", "教育界", "", "区第一中学", "校长", "13800000000", "zhangsan@example.cn", "委员"};
            Row row = sheet.createRow(1);
            for (int i = 0; i < example.length; i++) {
                row.createCell(i).setCellValue(example[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Parsed {
        int row;
        String name;
        MemberData data;
        String error;
    }

    private List<Parsed> parse(InputStream xlsx) {
        Map<String, Long> sectors = reference.sectorIdsByName();
        Map<String, Long> specialCommittees = reference.specialCommitteeIdsByName();
        Set<String> seen = new HashSet<>();
        return ImportSheet.read(xlsx, List.of("姓名", "性别", "界别"), MAX_ROWS, line -> {
            Parsed p = new Parsed();
            p.row = line.number();
            try {
                p.data = toData(line.row(), line.columns(), line.formatter(), sectors, specialCommittees);
                p.name = p.data.name();
                MemberData clean = MemberRules.normalize(p.data);
                InvalidInput invalid = MemberRules.check(clean, reference);
                if (invalid.hasProblems()) {
                    InvalidInput.FieldProblem first = invalid.problems().get(0);
                    p.error = messages.get("import.field." + first.field()) + ": " + messages.get(first.messageKey(), first.args());
                } else if (members.duplicate(clean)) {
                    p.error = messages.get("import.exists");
                } else if (clean.phone() != null && !seen.add(clean.name() + "|" + clean.phone())) {
                    p.error = messages.get("import.duplicateInFile");
                }
                p.data = clean;
            } catch (RowProblem problem) {
                p.error = problem.getMessage();
                p.name = line.text("姓名");
            }
            return p;
        });
    }

    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message, null, false, false);
        }
    }

    private MemberData toData(Row row, Map<String, Integer> columns, DataFormatter f, Map<String, Long> sectors,
                              Map<String, Long> specialCommittees) {
        String gender = text(row, columns.get("性别"), f);
        Gender g = switch (gender == null ? "" : gender) {
            case "男", "MALE", "male" -> Gender.MALE;
            case "女", "FEMALE", "female" -> Gender.FEMALE;
            default -> throw new RowProblem(messages.get("import.field.gender") + ": " + messages.get("validation.gender"));
        };
        String sectorName = text(row, columns.get("界别"), f);
        Long sectorId = sectorName == null ? null : sectors.get(sectorName);
        if (sectorId == null) {
            throw new RowProblem(messages.get("import.field.sectorId") + ": " + messages.get("validation.unknownSectorName", sectorName));
        }
        String scName = text(row, columns.get("专委会"), f);
        Long scId = null;
        if (scName != null) {
            scId = specialCommittees.get(scName);
            if (scId == null) {
                throw new RowProblem(messages.get("import.field.specialCommitteeId") + ": "
                        + messages.get("validation.unknownSpecialCommitteeName", scName));
            }
        }
        return new MemberData(text(row, columns.get("姓名"), f), g, text(row, columns.get("民族"), f),
                date(row, columns.get("出生日期"), f), text(row, columns.get("党派"), f), sectorId, scId,
                text(row, columns.get("工作单位"), f), text(row, columns.get("职务"), f), text(row, columns.get("手机"), f),
                text(row, columns.get("邮箱"), f), roles(text(row, columns.get("委员职务"), f)));
    }

    private Set<MemberRole> roles(String text) {
        EnumSet<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        if (text == null) {
            roles.add(MemberRole.MEMBER);
            return roles;
        }
        for (String part : text.split("[、,，;；\\s]+")) {
            switch (part.strip()) {
                case "" -> { }
                case "主席" -> roles.add(MemberRole.CHAIR);
                case "副主席" -> roles.add(MemberRole.VICE_CHAIR);
                case "秘书长" -> roles.add(MemberRole.SECRETARY_GENERAL);
                case "常委", "常务委员" -> roles.add(MemberRole.STANDING_COMMITTEE);
                case "委员" -> roles.add(MemberRole.MEMBER);
                default -> throw new RowProblem(messages.get("import.field.roles") + ": " + messages.get("validation.unknownRole", part));
            }
        }
        if (roles.isEmpty()) {
            roles.add(MemberRole.MEMBER);
        }
        return roles;
    }

    private LocalDate date(Row row, Integer col, DataFormatter f) {
        if (col == null || row.getCell(col) == null) {
            return null;
        }
        Cell cell = row.getCell(col);
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String text = text(row, col, f);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw new RowProblem(messages.get("import.field.birthDate") + ": " + messages.get("validation.date", text));
        }
    }

    private static String text(Row row, Integer col, DataFormatter f) {
        return ImportSheet.text(row, col, f);
    }
}
