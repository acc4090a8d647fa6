package org.xieshang.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.member.MemberApiTest.assertField;
import static org.xieshang.member.MemberApiTest.assertProblem;
import static org.xieshang.member.MemberApiTest.names;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/members/import (all or nothing) and /import/preview, with workbooks built here. */
class MemberImportApiTest extends ApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADER = {"姓名", "性别", "民族", "出生日期", "党派", "界别", "专委会", "工作单位", "职务", "手机", "邮箱", "委员职务"};

    private String sector;
    private String prefix;

    @BeforeEach
    void sector() {
        sector = TestSupport.unique("医药卫生界");
        Fixtures.created(admin.post("/api/v1/sectors", Map.of("name", sector)));
        prefix = TestSupport.unique("导入");
    }

    @Test
    void importsEveryGoodRow() throws IOException {
        byte[] file = workbook(
                row(prefix + "甲", "男", "汉族", "1968-03-02", "九三学社", sector, "", "区人民医院", "院长", "13811112222", "a@example.cn", "常委"),
                row(prefix + "乙", "女", "回族", "", "", sector, "", "", "", "", "", ""),
                row(prefix + "丙", "女", "", "1975/10/01", "", sector, "", "", "", "13811113333", "", "副主席、常委"));
        Res res = admin.upload("/api/v1/members/import", "file", "members.xlsx", XLSX, file);
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        assertThat(res.json().path("imported").asInt()).isEqualTo(3);
        assertThat(res.json().path("rejected").values()).isEmpty();

        Res list = admin.get("/api/v1/members", Map.of("q", prefix, "size", 200));
        assertThat(names(list)).containsExactlyInAnyOrder(prefix + "甲", prefix + "乙", prefix + "丙");
        JsonNode first = list.json().path("items").values().stream()
                .filter(n -> n.path("name").asString().equals(prefix + "甲")).findFirst().orElseThrow();
        assertThat(first.path("gender").asString()).isEqualTo("MALE");
        assertThat(first.path("birthDate").asString()).isEqualTo("1968-03-02");
        assertThat(first.path("phone").asString()).isEqualTo("13811112222");
        assertThat(first.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.path("roles").values()).extracting(JsonNode::asString).containsExactly("STANDING_COMMITTEE");
        JsonNode third = list.json().path("items").values().stream()
                .filter(n -> n.path("name").asString().equals(prefix + "丙")).findFirst().orElseThrow();
        assertThat(third.path("birthDate").asString()).isEqualTo("1975-10-01");
        assertThat(third.path("roles").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("VICE_CHAIR", "STANDING_COMMITTEE");

        // the same people again are refused as already there, and nothing is added
        Res again = admin.upload("/api/v1/members/import", "file", "members.xlsx", XLSX, file);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("rejected").values()).extracting(r -> r.path("row").asInt()).containsExactly(2, 4);
        assertThat(names(admin.get("/api/v1/members", Map.of("q", prefix, "size", 200)))).hasSize(3);
    }

    @Test
    void oneBadRowImportsNothingAndSaysWhichAndWhy() throws IOException {
        byte[] file = workbook(
                row(prefix + "甲", "男", "", "", "", sector, "", "", "", "13811114444", "", ""),
                row(prefix + "乙", "女", "", "", "", "没有这个界别", "", "", "", "", "", ""),
                row(prefix + "丙", "女", "", "", "", sector, "", "", "", "12345", "", ""),
                row(prefix + "丁", "未知", "", "", "", sector, "", "", "", "", "", ""),
                row(prefix + "戊", "男", "", "", "", sector, "", "", "", "", "", "主任"),
                row(prefix + "己", "男", "", "昨天", "", sector, "", "", "", "", "", ""),
                row(prefix + "甲", "男", "", "", "", sector, "", "", "", "13811114444", "", ""));
        Res res = admin.upload("/api/v1/members/import", "file", "members.xlsx", XLSX, file);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("imported").asInt()).isZero();
        List<JsonNode> rejected = List.copyOf(res.json().path("rejected").values());
        // rows as the spreadsheet numbers them: the header is row 1
        assertThat(rejected).extracting(r -> r.path("row").asInt()).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(rejected.get(0).path("message").asString()).contains("界别").contains("没有这个界别");
        assertThat(rejected.get(1).path("message").asString()).contains("手机");
        assertThat(rejected.get(2).path("message").asString()).contains("性别");
        assertThat(rejected.get(3).path("message").asString()).contains("主任");
        assertThat(rejected.get(4).path("message").asString()).contains("昨天");
        assertThat(rejected.get(5).path("message").asString()).contains("重复");
        // all or nothing: not even the good first row
        assertThat(names(admin.get("/api/v1/members", Map.of("q", prefix, "size", 200)))).isEmpty();

        // in English on request
        Res en = admin.lang("en").upload("/api/v1/members/import", "file", "members.xlsx", XLSX, file);
        assertThat(en.json().path("rejected").values().iterator().next().path("message").asString())
                .containsIgnoringCase("sector").contains("没有这个界别");
    }

    @Test
    void previewShowsEachRowAndImportsNothing() throws IOException {
        byte[] file = workbook(
                row(prefix + "甲", "男", "", "", "", sector, "", "", "", "", "", ""),
                row("", "", "", "", "", "", "", "", "", "", "", ""),
                row(prefix + "乙", "女", "", "", "", "不存在的界别", "", "", "", "", "", ""));
        Res res = admin.upload("/api/v1/members/import/preview", "file", "members.xlsx", XLSX, file);
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        List<JsonNode> rows = List.copyOf(res.json().path("rows").values());
        // the blank row is skipped, the others keep their spreadsheet numbers
        assertThat(rows).extracting(r -> r.path("row").asInt()).containsExactly(2, 4);
        assertThat(rows.get(0).path("name").asString()).isEqualTo(prefix + "甲");
        assertThat(rows.get(0).path("ok").asBoolean()).isTrue();
        assertThat(rows.get(0).path("message").asString()).isNotBlank();
        assertThat(rows.get(1).path("name").asString()).isEqualTo(prefix + "乙");
        assertThat(rows.get(1).path("ok").asBoolean()).isFalse();
        assertThat(rows.get(1).path("message").asString()).contains("不存在的界别");
        assertThat(res.json().path("ok").asInt()).isEqualTo(1);
        assertThat(res.json().path("rejected").asInt()).isEqualTo(1);
        assertThat(names(admin.get("/api/v1/members", Map.of("q", prefix, "size", 200)))).isEmpty();
    }

    @Test
    void refusesWhatIsNotAMemberWorkbook() throws IOException {
        Res text = admin.upload("/api/v1/members/import", "file", "members.xlsx", XLSX,
                "姓名,性别,界别\n张三,男,教育界\n".getBytes(StandardCharsets.UTF_8));
        assertField(text, "file");
        assertField(admin.upload("/api/v1/members/import/preview", "file", "members.csv", "text/csv",
                "姓名,性别,界别".getBytes(StandardCharsets.UTF_8)), "file");
        // a zip that is not a workbook
        assertField(admin.upload("/api/v1/members/import", "file", "x.xlsx", XLSX,
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), "file");
        assertField(admin.upload("/api/v1/members/import", "file", "empty.xlsx", XLSX, new byte[0]), "file");
        // a workbook without the required columns, or without rows
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("姓名");
            assertField(admin.upload("/api/v1/members/import", "file", "x.xlsx", XLSX, bytes(wb)), "file");
        }
        assertField(admin.upload("/api/v1/members/import", "file", "x.xlsx", XLSX, workbook()), "file");
        // no file part at all
        assertProblem(admin.upload("/api/v1/members/import", "other", "x.xlsx", XLSX, workbook(
                row(prefix, "男", "", "", "", sector, "", "", "", "", "", ""))), 400);
        assertThat(names(admin.get("/api/v1/members", Map.of("q", prefix, "size", 200)))).isEmpty();
    }

    @Test
    void onlyTheOfficeImports() throws IOException {
        byte[] file = workbook(row(prefix + "甲", "男", "", "", "", sector, "", "", "", "", "", ""));
        for (String role : List.of("PROPOSAL_STAFF", "MEMBER", "UNIT_HANDLER")) {
            var user = Fixtures.signedIn(admin, role);
            assertProblem(user.upload("/api/v1/members/import", "file", "m.xlsx", XLSX, file), 403);
            assertProblem(user.upload("/api/v1/members/import/preview", "file", "m.xlsx", XLSX, file), 403);
        }
        assertThat(names(admin.get("/api/v1/members", Map.of("q", prefix, "size", 200)))).isEmpty();
    }

    @Test
    void theTemplatePreviewsAsValid() {
        Res template = admin.get("/api/v1/members/import/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).isEqualTo(XLSX);
        // its example row names the sector 教育界
        Res sector = admin.post("/api/v1/sectors", Map.of("name", "教育界"));
        assertThat(sector.status()).isIn(201, 409);
        Res preview = admin.upload("/api/v1/members/import/preview", "file", "t.xlsx", XLSX,
                admin.getBytes("/api/v1/members/import/template"));
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("rows").values()).singleElement()
                .satisfies(r -> assertThat(r.path("ok").asBoolean()).as("%s", r).isTrue());
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static byte[] workbook(String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("委员");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            return bytes(wb);
        }
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
