package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/**
 * The server-rendered pages over plain HTTP with a signed-in session: forms answer with errors
 * next to their fields (4xx) or redirect after success, and what each role may see and do.
 */
class PagesTest extends ApiTestBase {

    private PageClient office;

    @BeforeEach
    void signIn() {
        office = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
    }

    @Test
    void officeNavigationOffersEveryAdministrationPage() {
        Page home = office.get("/");
        assertEquals(200, home.status());
        for (String href : List.of("/members", "/reference", "/users", "/calendar", "/audit")) {
            assertThat(home.body()).contains("<li><a href=\"" + href + "\"");
        }
        assertEquals(302, office.get("/reference").status());
        assertEquals(200, office.get("/static/app.css").status());
        assertEquals(200, office.get("/static/confirm.js").status());
    }

    @Test
    void theLanguageSwitchTakesEffectOnThePageItLeadsTo() {
        Page english = office.get("/members?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("<h1>Members</h1>");
        assertThat(office.get("/reference/sectors").body()).contains("<h1>Sectors</h1>");
        assertThat(office.get("/reference/sectors?lang=zh-CN").body()).contains("<h1>界别</h1>");
    }

    @Test
    void sectorsAndSpecialCommitteesAreAddedWithErrorsNextToTheName() {
        Page empty = office.post("/reference/sectors", Map.of("name", "  "));
        assertEquals(400, empty.status());
        assertThat(empty.body()).contains("id=\"name-error\"").contains("必填，最多 100 个字符");

        String name = TestSupport.unique("页面界别");
        Page added = office.post("/reference/sectors", Map.of("name", name));
        assertEquals(302, added.status(), added::toString);
        assertThat(added.location()).endsWith("/reference/sectors");
        Page list = office.get("/reference/sectors");
        assertThat(list.body()).contains("<li>" + name).contains("已添加“" + name + "”");

        Page again = office.post("/reference/sectors", Map.of("name", name));
        assertEquals(409, again.status());
        assertThat(again.body()).contains("id=\"name-error\"").contains("已存在").contains("value=\"" + name + "\"");

        String committee = TestSupport.unique("页面专委会");
        assertEquals(302, office.post("/reference/special-committees", Map.of("name", committee)).status());
        assertThat(office.get("/reference/special-committees").body()).contains(committee);
    }

    @Test
    void unitsNeedATypeAndTermsTakeSessionsWithinTheirYears() {
        String unit = TestSupport.unique("页面单位");
        Page noType = office.post("/reference/units", Map.of("name", unit));
        assertEquals(400, noType.status());
        assertThat(noType.body()).contains("id=\"type-error\"").contains("value=\"" + unit + "\"");
        assertEquals(302, office.post("/reference/units", Map.of("name", unit, "type", "TOWNSHIP")).status());
        assertThat(office.get("/reference/units").body()).contains(unit).contains("乡镇街道");

        Page backwards = office.post("/reference/terms", Map.of("name", TestSupport.unique("第届"), "startDate", "2027-01-01",
                "endDate", "2026-01-01"));
        assertEquals(400, backwards.status());
        assertThat(backwards.body()).contains("id=\"endDate-error\"").contains("结束日期须晚于开始日期");

        String term = TestSupport.unique("第十五届");
        Page created = office.post("/reference/terms", Map.of("name", term, "startDate", "2026-01-01", "endDate", "2030-12-31"));
        assertEquals(302, created.status(), created::toString);
        long termId = admin.get("/api/v1/terms").json().path("items").valueStream()
                .filter(t -> t.path("name").asString().equals(term)).findFirst().orElseThrow().path("id").asLong();

        Page outside = office.post("/reference/terms/" + termId + "/sessions", Map.of("name", "第一次会议", "year", "2035",
                "startDate", "2035-01-10"));
        assertEquals(400, outside.status());
        assertThat(outside.body()).contains("id=\"s" + termId + "-year-error\"").contains("2026–2030");

        Page session = office.post("/reference/terms/" + termId + "/sessions", Map.of("name", "第一次会议", "year", "2026",
                "startDate", "2026-01-10"));
        assertEquals(302, session.status(), session::toString);
        assertThat(office.get("/reference/terms").body()).contains(term).contains("第一次会议").contains("2026-01-10");
    }

    @Test
    void usersAreCreatedEditedAndDisabled() {
        Page bad = office.post("/users", Map.of("username", "x", "displayName", "", "password", "short",
                "roles", List.of("MEMBER")));
        assertEquals(400, bad.status());
        assertThat(bad.body()).contains("id=\"username-error\"", "id=\"displayName-error\"", "id=\"password-error\"",
                "id=\"memberId-error\"");

        String username = "page." + System.nanoTime() % 1_000_000;
        Page created = office.post("/users", Map.of("username", username, "displayName", "提案委小王",
                "password", "long-enough-1", "roles", List.of("PROPOSAL_STAFF")));
        assertEquals(302, created.status(), created::toString);
        Page list = office.get("/users");
        assertThat(list.body()).contains(username).contains("提案委工作人员");

        Page taken = office.post("/users", Map.of("username", username, "displayName", "重名", "password", "long-enough-1",
                "roles", List.of("PROPOSAL_STAFF")));
        assertEquals(409, taken.status());
        assertThat(taken.body()).contains("id=\"username-error\"");

        long id = admin.get("/api/v1/users?size=200").json().path("items").valueStream()
                .filter(u -> u.path("username").asString().equals(username)).findFirst().orElseThrow().path("id").asLong();
        assertThat(office.get("/users/" + id + "/edit").body()).contains("提案委小王").contains("checked");

        Page blank = office.post("/users/" + id, Map.of("displayName", " ", "roles", List.of("PROPOSAL_STAFF"), "enabled", "true"));
        assertEquals(400, blank.status());
        assertThat(blank.body()).contains("id=\"displayName-error\"");

        // no "enabled" box ticked: the account is disabled and can no longer sign in
        Page disabled = office.post("/users/" + id, Map.of("displayName", "提案委老王", "roles", List.of("PROPOSAL_STAFF"),
                "password", "another-pass-2"));
        assertEquals(302, disabled.status(), disabled::toString);
        assertThat(office.get("/users").body()).contains("提案委老王").contains("已停用");
        assertEquals(401, api.post("/api/v1/auth/token", Map.of("username", username, "password", "another-pass-2")).status());
    }

    @Test
    void calendarDaysAreAddedChangedAndRemoved() {
        assertThat(office.get("/calendar?year=2026").body()).contains("2026年工作日历");
        assertEquals(400, office.get("/calendar?year=abc").status());

        Page missing = office.post("/calendar/days", Map.of("date", "2031-03-10", "kind", "HOLIDAY", "name", ""));
        assertEquals(400, missing.status());
        assertThat(missing.body()).contains("id=\"name-error\"");

        assertEquals(302, office.post("/calendar/days", Map.of("date", "2031-03-10", "kind", "HOLIDAY", "name", "页面假日")).status());
        assertThat(office.get("/calendar?year=2031").body()).contains("页面假日").contains("2031-03-10");
        assertThat(office.get("/calendar?year=2031&date=2031-03-10").body()).contains("value=\"页面假日\"");

        assertEquals(302, office.post("/calendar/days", Map.of("date", "2031-03-10", "kind", "WORKDAY", "name", "页面调休")).status());
        assertThat(office.get("/calendar?year=2031").body()).contains("页面调休").doesNotContain("页面假日");

        Page removed = office.post("/calendar/days/2031-03-10/remove", Map.of());
        assertEquals(302, removed.status(), removed::toString);
        assertThat(office.get("/calendar?year=2031").body()).doesNotContain("页面调休");
        assertEquals(404, office.post("/calendar/days/2031-03-10/remove", Map.of()).status());
    }

    @Test
    void auditPageReportsAnIntactChain() {
        Page audit = office.get("/audit");
        assertEquals(200, audit.status());
        assertThat(audit.body()).contains("审计链完整");
    }

    @Test
    void memberEditKeepsHistoryAndRefusesAStaleForm() {
        long sectorId = admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("编辑界别"))).id();
        String name = TestSupport.unique("编辑委员");
        long id = admin.post("/api/v1/members", Map.of("name", name, "gender", "MALE", "sectorId", sectorId,
                "phone", "13900000000")).id();

        Page form = office.get("/members/" + id + "/edit");
        assertThat(form.body()).contains("value=\"13900000000\"").contains("name=\"version\" value=\"0\"");

        Map<String, Object> fields = new java.util.HashMap<>(Map.of("name", name, "gender", "MALE",
                "sectorId", String.valueOf(sectorId), "phone", "", "title", "主任", "status", "WARNED",
                "roles", List.of("STANDING_COMMITTEE"), "version", "0"));
        Page saved = office.post("/members/" + id, fields);
        assertEquals(302, saved.status(), saved::toString);
        Page detail = office.get("/members/" + id);
        assertThat(detail.body()).contains("已警告").contains("常委").doesNotContain("tel:13900000000")
                .contains("手机：清除了“13900000000”").contains("职务：主任");

        Page stale = office.post("/members/" + id, fields);
        assertEquals(409, stale.status());
        assertThat(stale.body()).contains("该记录已被他人修改");

        fields.put("version", "1");
        fields.put("email", "not-an-email");
        Page invalid = office.post("/members/" + id, fields);
        assertEquals(400, invalid.status());
        assertThat(invalid.body()).contains("id=\"email-error\"").contains("value=\"not-an-email\"");
    }

    @Test
    void importPreviewsEveryRowAndImportsAllOrNothing() throws IOException {
        String sector = TestSupport.unique("导入界别");
        admin.post("/api/v1/sectors", Map.of("name", sector));

        HttpResponse<byte[]> template = office.download("/members/import/template");
        assertEquals(200, template.statusCode());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertEquals("姓名", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }

        Page notExcel = office.upload("/members/import", "file", "members.xlsx", "no workbook".getBytes(StandardCharsets.UTF_8));
        assertEquals(302, notExcel.status());
        Page refused = office.get(notExcel.location().replaceFirst("^https?://[^/]+", ""));
        assertEquals(400, refused.status());
        assertThat(refused.body()).contains("id=\"file-error\"").contains("请上传 Excel");

        String first = TestSupport.unique("导入甲");
        String second = TestSupport.unique("导入乙");
        Page withProblem = preview(workbook(List.of(row(first, "男", sector), row(second, "女", "没有这个界别"))));
        assertThat(withProblem.body()).contains(first).contains("没有这个界别").contains("有问题").doesNotContain("id=\"import-confirm\"");
        assertEquals(0, count(first));

        Page ready = preview(workbook(List.of(row(first, "男", sector), row(second, "女", sector))));
        assertThat(ready.body()).contains("id=\"import-confirm\"").contains("确认导入 2 名委员");
        Page done = office.post("/members/import/confirm", Map.of());
        assertEquals(302, done.status(), done::toString);
        assertThat(office.get("/members").body()).contains("已导入 2 名委员");
        assertEquals(1, count(first));
        assertEquals(1, count(second));

        // the file is gone from the session once imported: a second confirmation imports nothing
        Page twice = office.post("/members/import/confirm", Map.of());
        assertEquals(409, twice.status());
        assertEquals(1, count(first));
    }

    @Test
    void aMemberSeesNeitherAdministrationNorOtherMembersContactsOrHistory() {
        long sectorId = admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("权限界别"))).id();
        long own = admin.post("/api/v1/members", Map.of("name", TestSupport.unique("本人"), "gender", "MALE",
                "sectorId", sectorId)).id();
        long other = admin.post("/api/v1/members", Map.of("name", TestSupport.unique("他人"), "gender", "FEMALE",
                "sectorId", sectorId, "phone", "13700000000")).id();
        String username = "member." + System.nanoTime() % 1_000_000;
        assertEquals(201, admin.post("/api/v1/users", Map.of("username", username, "password", "member-pass-1",
                "displayName", "委员", "roles", List.of("MEMBER"), "memberId", own)).status());
        PageClient member = new PageClient(port).signIn(username, "member-pass-1");

        Page home = member.get("/");
        // the navigation only: the home page's counters link to the member list for everyone
        assertThat(home.body()).doesNotContain("<li><a href=\"/users\"").doesNotContain("<li><a href=\"/members\"");
        for (String path : List.of("/users", "/users/new", "/members/new", "/members/import", "/audit")) {
            assertEquals(403, member.get(path).status(), path);
        }
        assertEquals(403, member.post("/reference/sectors", Map.of("name", TestSupport.unique("越权"))).status());
        Page reference = member.get("/reference/sectors");
        assertEquals(200, reference.status());
        assertThat(reference.body()).doesNotContain("action=\"/reference/sectors\"");

        Page someone = member.get("/members/" + other);
        assertThat(someone.body()).doesNotContain("13700000000").doesNotContain("id=\"member-history\"")
                .doesNotContain("/members/" + other + "/edit");
        assertThat(member.get("/members/" + own).body()).contains("id=\"member-history\"");
        assertEquals(404, member.get("/members/999999999").status());
    }

    @Test
    void theTableFragmentFollowsTheFilter() {
        long sectorId = admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("片段界别"))).id();
        String name = TestSupport.unique("片段委员");
        admin.post("/api/v1/members", Map.of("name", name, "gender", "MALE", "sectorId", sectorId));

        Page fragment = office.get("/members/table?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&sectorId=" + sectorId + "&status=ACTIVE");
        assertEquals(200, fragment.status());
        assertThat(fragment.body()).doesNotContain("<html").contains(name).contains("共 1 名委员");
        assertThat(office.get("/members/table?sectorId=" + sectorId + "&status=REMOVED").body()).doesNotContain(name);
        // nonsense filters are ignored rather than failing the page
        assertEquals(200, office.get("/members?sectorId=x&status=nope&page=-3").status());
    }

    private Page preview(byte[] xlsx) {
        Page upload = office.upload("/members/import", "file", "members.xlsx", xlsx);
        assertEquals(302, upload.status(), upload::toString);
        Page preview = office.get("/members/import/preview");
        assertEquals(200, preview.status(), preview::toString);
        return preview;
    }

    private long count(String name) {
        return admin.get("/api/v1/members", Map.of("q", name)).json().path("total").asLong();
    }

    private static String[] row(String name, String gender, String sector) {
        return new String[] {name, gender, sector};
    }

    private static byte[] workbook(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("委员");
            String[] header = {"姓名", "性别", "界别"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).length; i++) {
                    row.createCell(i).setCellValue(rows.get(r)[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
