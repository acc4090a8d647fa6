package org.xieshang.socialreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Social-conditions reports through the API (API.md, "social-reports"): a member writes, the
 * office edits and adopts or refuses, leaders comment; who sees what, refused roles, bad input,
 * states (409) and two staff deciding at once.
 */
class SocialReportApiTest extends ApiTestBase {

    static final String R = "/api/v1/social-reports";

    Committee c;
    Api author;
    Api otherMember;
    Api staff;
    Api leaderCppcc;
    Api leaderGov;
    Api unit;

    @BeforeEach
    void committee() {
        c = new Committee(admin, 1, 3);
        author = c.member(0);
        otherMember = c.member(1);
        staff = c.staff();
        leaderCppcc = c.role("LEADER_CPPCC");
        leaderGov = c.role("LEADER_GOV");
        unit = c.unit(0);
    }

    long submit(Api who, String title, String content) {
        Api.Res res = who.post(R, Map.of("title", title, "content", content, "category", "社会民生"));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    long submitted() {
        return submit(author, TestSupport.unique("关于老旧小区停车难的情况反映"), "群众反映老旧小区夜间停车难，车辆乱停占用消防通道。");
    }

    static JsonNode ok(int status, Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res.json();
    }

    static JsonNode refused(int status, Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        return res.json();
    }

    static void invalid(Api.Res res, String field) {
        JsonNode p = refused(400, res);
        List<String> fields = new ArrayList<>();
        p.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(res.toString()).contains(field);
    }

    @Test
    void aMemberWritesTheOfficeEditsAndAdoptsALeaderComments() {
        JsonNode r = ok(201, author.post(R, Map.of("title", "关于社区养老服务站运营困难的反映", "content", "部分社区养老服务站缺少运营经费。",
                "category", "社会民生")));
        long id = r.path("id").asLong();
        assertThat(r.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.path("authorMemberId").asLong()).isEqualTo(c.memberIds.get(0));
        assertThat(r.path("origin").asString()).isEqualTo("MEMBER");

        JsonNode edited = ok(200, staff.patch(R + "/" + id, Map.of("title", "社区养老服务站运营经费不足亟待解决",
                "content", "据委员反映，部分社区养老服务站因缺少运营经费而服务时断时续。")));
        assertThat(edited.path("title").asString()).isEqualTo("社区养老服务站运营经费不足亟待解决");
        assertThat(edited.path("edited").asBoolean()).isTrue();
        assertThat(edited.path("original").path("title").asString()).isEqualTo("关于社区养老服务站运营困难的反映");
        assertThat(edited.path("original").path("content").asString()).isEqualTo("部分社区养老服务站缺少运营经费。");

        JsonNode adopted = ok(200, staff.post(R + "/" + id + "/adopt", Map.of("level", "CITY")));
        assertThat(adopted.path("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.path("level").asString()).isEqualTo("CITY");

        JsonNode comment = ok(201, leaderGov.post(R + "/" + id + "/comments", Map.of("content", "请民政局研究解决。")));
        assertThat(comment.path("content").asString()).isEqualTo("请民政局研究解决。");
        ok(201, leaderCppcc.post(R + "/" + id + "/comments", Map.of("content", "请提案委跟踪落实。")));

        JsonNode seen = ok(200, author.get(R + "/" + id));
        assertThat(seen.path("comments")).hasSize(2);
        List<String> actions = new ArrayList<>();
        seen.path("history").forEach(h -> actions.add(h.path("action").asString()));
        assertThat(actions).containsExactly("SUBMIT", "EDIT", "ADOPT", "COMMENT", "COMMENT");

        // the author was told of the adoption and of the comments
        List<String> notices = new ArrayList<>();
        author.get("/api/v1/notifications?size=50").json().path("items").forEach(n -> notices.add(n.path("text").asString()));
        assertThat(notices).anyMatch(t -> t.contains("已被市级采用")).anyMatch(t -> t.contains("有领导批示"));
        // and the audit trail holds every change
        List<String> audited = new ArrayList<>();
        admin.get("/api/v1/audit/entries?entityType=SocialReport&entityId=" + id).json().path("items")
                .forEach(e -> audited.add(e.path("action").asString()));
        assertThat(audited).contains("CREATE", "SUBMIT", "EDIT", "ADOPT", "COMMENT");
    }

    /** The newest bulletin sent to this leader with this title, or null. */
    static JsonNode bulletinTitled(Api leader, String title) {
        for (JsonNode b : ok(200, leader.get("/api/v1/bulletins?size=100")).path("items")) {
            if (title.equals(b.path("title").asString())) {
                return b;
            }
        }
        return null;
    }

    @Test
    void anAdoptedReportGoesToTheLeadersAsANumberedBulletinWhoseCommentsReachTheReportAndItsAuthor() {
        String title = TestSupport.unique("关于社区菜市场设施陈旧的反映");
        long id = submit(author, title, "多个社区菜市场设施陈旧，排水不畅，夏季异味明显。");
        String edited = TestSupport.unique("社区菜市场改造提升亟待推进");
        ok(200, staff.patch(R + "/" + id, Map.of("title", edited, "content", "据委员反映，多个社区菜市场设施陈旧。")));
        assertThat(bulletinTitled(leaderGov, edited)).isNull();
        ok(200, staff.post(R + "/" + id + "/adopt", Map.of("level", "CITY")));

        // a 社情民意专报, numbered in its own series, for the CPPCC and the government leaders
        JsonNode b = bulletinTitled(leaderGov, edited);
        assertThat(b).as("bulletin sent to the government leader").isNotNull();
        assertThat(b.path("kind").asString()).isEqualTo("SOCIAL_CONDITIONS");
        assertThat(b.path("number").asString()).isEqualTo(b.path("year").asInt() + "年第" + b.path("seq").asInt() + "期");
        assertThat(b.path("seq").asInt()).isPositive();
        assertThat(bulletinTitled(leaderCppcc, edited)).as("bulletin sent to the CPPCC leader").isNotNull();
        assertThat(bulletinTitled(staff, edited)).as("the office sees every bulletin").isNotNull();
        long bulletin = b.path("id").asLong();
        // with the text as the office edited it
        assertThat(ok(200, leaderGov.get("/api/v1/bulletins/" + bulletin)).path("content").asString())
                .isEqualTo("据委员反映，多个社区菜市场设施陈旧。");

        // the leader's comment on the bulletin is a comment on the report, and the author is told
        ok(201, leaderGov.post("/api/v1/bulletins/" + bulletin + "/comments", Map.of("content", "请商务局牵头制定改造计划。")));
        JsonNode seen = ok(200, author.get(R + "/" + id));
        assertThat(seen.path("comments")).hasSize(1);
        assertThat(seen.path("comments").get(0).path("content").asString()).isEqualTo("请商务局牵头制定改造计划。");
        assertThat(seen.path("comments").get(0).path("authorName").asString()).isNotBlank();
        List<String> actions = new ArrayList<>();
        seen.path("history").forEach(h -> actions.add(h.path("action").asString()));
        assertThat(actions).containsExactly("SUBMIT", "EDIT", "ADOPT", "COMMENT");
        List<String> notices = new ArrayList<>();
        author.get("/api/v1/notifications?size=50").json().path("items").forEach(n -> notices.add(n.path("text").asString()));
        assertThat(notices).anyMatch(t -> t.contains(edited) && t.contains("有领导批示"));
        // and the leader may still comment on the report itself
        ok(201, leaderCppcc.post(R + "/" + id + "/comments", Map.of("content", "请提案委跟踪落实。")));
        assertThat(ok(200, author.get(R + "/" + id)).path("comments")).hasSize(2);
    }

    @Test
    void eachAdoptionIsTheNextNumberOfTheSocialConditionsSeries() {
        long a = submitted();
        long b = submitted();
        ok(200, staff.post(R + "/" + a + "/adopt", Map.of()));
        ok(200, staff.post(R + "/" + b + "/adopt", Map.of()));
        JsonNode first = bulletinTitled(leaderGov, ok(200, author.get(R + "/" + a)).path("title").asString());
        JsonNode second = bulletinTitled(leaderGov, ok(200, author.get(R + "/" + b)).path("title").asString());
        assertThat(second.path("kind").asString()).isEqualTo("SOCIAL_CONDITIONS");
        assertThat(second.path("seq").asInt()).isEqualTo(first.path("seq").asInt() + 1);
        // refused reports go to no one
        long c2 = submitted();
        ok(200, staff.post(R + "/" + c2 + "/reject", Map.of("reason", "个人诉求")));
        assertThat(bulletinTitled(leaderGov, ok(200, author.get(R + "/" + c2)).path("title").asString())).isNull();
    }

    @Test
    void adoptionDefaultsToTheDistrictAndRefusalNeedsAReason() {
        long a = submitted();
        assertThat(ok(200, staff.post(R + "/" + a + "/adopt", Map.of())).path("level").asString()).isEqualTo("DISTRICT");
        long b = submitted();
        assertThat(ok(200, staff.post(R + "/" + b + "/adopt", null)).path("level").asString()).isEqualTo("DISTRICT");

        long refused = submitted();
        invalid(staff.post(R + "/" + refused + "/reject", Map.of()), "reason");
        invalid(staff.post(R + "/" + refused + "/reject", Map.of("reason", "   ")), "reason");
        JsonNode r = ok(200, staff.post(R + "/" + refused + "/reject", Map.of("reason", "内容与已报送信息重复。")));
        assertThat(r.path("status").asString()).isEqualTo("NOT_ADOPTED");
        assertThat(r.path("reason").asString()).isEqualTo("内容与已报送信息重复。");
        List<String> notices = new ArrayList<>();
        author.get("/api/v1/notifications?size=50").json().path("items").forEach(n -> notices.add(n.path("text").asString()));
        assertThat(notices).anyMatch(t -> t.contains("未被采用：内容与已报送信息重复。"));
    }

    @Test
    void decidedReportsCannotBeDecidedOrEditedAgainAndOnlyAdoptedOnesTakeComments() {
        long adopted = submitted();
        ok(200, staff.post(R + "/" + adopted + "/adopt", Map.of("level", "PROVINCE")));
        refused(409, staff.post(R + "/" + adopted + "/adopt", Map.of("level", "NATIONAL")));
        refused(409, staff.post(R + "/" + adopted + "/reject", Map.of("reason", "重复")));
        refused(409, staff.patch(R + "/" + adopted, Map.of("content", "改写")));

        long pending = submitted();
        JsonNode conflict = refused(409, leaderCppcc.post(R + "/" + pending + "/comments", Map.of("content", "阅")));
        assertThat(conflict.path("detail").asString()).contains("已采用");
        long notAdopted = submitted();
        ok(200, staff.post(R + "/" + notAdopted + "/reject", Map.of("reason", "不属于社情民意范围。")));
        refused(409, leaderCppcc.post(R + "/" + notAdopted + "/comments", Map.of("content", "阅")));
        refused(409, staff.post(R + "/" + notAdopted + "/adopt", Map.of()));

        // a stale view: the version the client saw is no longer the report's
        long stale = submitted();
        long version = ok(200, staff.get(R + "/" + stale)).path("version").asLong();
        ok(200, staff.patch(R + "/" + stale, Map.of("content", "第一次编辑", "version", version)));
        JsonNode p = refused(409, staff.post(R + "/" + stale + "/adopt", Map.of("version", version)));
        assertThat(p.path("detail").asString()).contains("刷新");
    }

    @Test
    void eachSeesWhatTheyMay() {
        long pending = submitted();
        long adopted = submitted();
        ok(200, staff.post(R + "/" + adopted + "/adopt", Map.of()));
        long others = submit(otherMember, TestSupport.unique("关于农村饮水安全的反映"), "部分村组自来水水压不足。");

        for (Api all : List.of(admin, staff, leaderCppcc)) {
            ok(200, all.get(R + "/" + pending));
            assertThat(ids(all.get(R + "?memberId=" + c.memberIds.get(0) + "&size=200"))).contains(pending, adopted);
        }
        assertThat(ids(author.get(R + "?size=200"))).contains(pending, adopted).doesNotContain(others);
        assertThat(ids(otherMember.get(R + "?size=200"))).containsExactly(others);
        refused(404, otherMember.get(R + "/" + pending));
        // government leaders read adopted reports only
        refused(404, leaderGov.get(R + "/" + pending));
        ok(200, leaderGov.get(R + "/" + adopted));
        assertThat(ids(leaderGov.get(R + "?size=200"))).contains(adopted).doesNotContain(pending, others);
        // units have nothing to do with social reports
        refused(403, unit.get(R));
        refused(403, unit.get(R + "/" + adopted));
        refused(404, staff.get(R + "/99999999"));
    }

    @Test
    void refusedRoles() {
        long id = submitted();
        for (Api notMember : List.of(staff, leaderCppcc, leaderGov, unit)) {
            refused(403, notMember.post(R, Map.of("title", "标题", "content", "内容")));
        }
        for (Api who : List.of(author, leaderCppcc, admin)) {
            refused(403, who.post(R + "/" + id + "/adopt", Map.of()));
            refused(403, who.post(R + "/" + id + "/reject", Map.of("reason", "理由")));
            refused(403, who.patch(R + "/" + id, Map.of("content", "改写")));
        }
        refused(404, otherMember.post(R + "/" + id + "/adopt", Map.of()));
        refused(404, leaderGov.post(R + "/" + id + "/adopt", Map.of()));
        refused(403, unit.post(R + "/" + id + "/adopt", Map.of()));
        ok(200, staff.post(R + "/" + id + "/adopt", Map.of()));
        for (Api who : List.of(author, staff, admin)) {
            refused(403, who.post(R + "/" + id + "/comments", Map.of("content", "阅")));
        }
        refused(404, otherMember.post(R + "/" + id + "/comments", Map.of("content", "阅")));
        refused(403, author.get(R + "/figures"));
        refused(403, leaderGov.get(R + "/figures"));
        refused(401, api.anonymous().get(R));
    }

    @Test
    void badInputIsA400InTheUsersLanguage() {
        invalid(author.post(R, Map.of()), "title");
        invalid(author.post(R, Map.of()), "content");
        invalid(author.post(R, Map.of("title", "x".repeat(201), "content", "内容")), "title");
        invalid(author.post(R, Map.of("title", "标题", "content", "内容", "category", "c".repeat(61))), "category");
        refused(400, author.post(R, "{not json"));
        long id = submitted();
        invalid(staff.post(R + "/" + id + "/adopt", Map.of("level", "GALAXY")), "level");
        invalid(staff.patch(R + "/" + id, Map.of()), "content");
        invalid(leaderCppcc.post(R + "/" + id + "/comments", Map.of()), "content");
        refused(400, staff.get(R + "?status=LOST"));
        refused(400, staff.get(R + "?size=201"));
        refused(400, staff.get(R + "/abc"));
        JsonNode en = refused(400, author.lang("en").post(R, Map.of("content", "内容")));
        assertThat(en.path("errors").get(0).path("message").asString()).isEqualTo("Required.");
        JsonNode zh = refused(400, author.post(R, Map.of("content", "内容")));
        assertThat(zh.path("errors").get(0).path("message").asString()).isEqualTo("必填。");
        refused(404, staff.post(R + "/99999999/adopt", Map.of()));
    }

    @Test
    void chineseFullTextSearchFindsByWordsAndSubstrings() {
        String tag = TestSupport.unique("");
        long parking = submit(author, "关于小区停车位紧张的反映" + tag, "夜间停车难，车辆占用消防通道，存在安全隐患。");
        long water = submit(author, "关于农村饮水水压不足的反映" + tag, "部分村组自来水水压不足，高峰时段断水。");
        assertThat(ids(staff.get(R, Map.of("q", "消防通道", "memberId", c.memberIds.get(0))))).containsExactly(parking);
        assertThat(ids(staff.get(R, Map.of("q", "饮水", "memberId", c.memberIds.get(0))))).containsExactly(water);
        JsonNode hit = staff.get(R, Map.of("q", "停车", "memberId", c.memberIds.get(0))).json().path("items").get(0);
        assertThat(hit.path("snippet").asString()).contains("<mark>");
        // the scope applies to the search too
        assertThat(ids(otherMember.get(R, Map.of("q", "停车")))).doesNotContain(parking);
        assertThat(ids(leaderGov.get(R, Map.of("q", "停车")))).doesNotContain(parking);
        ok(200, staff.post(R + "/" + parking + "/adopt", Map.of()));
        assertThat(ids(leaderGov.get(R, Map.of("q", "消防通道")))).contains(parking);
    }

    @Test
    void yearlyFiguresPerMemberAndSectorExportToExcel() throws Exception {
        long a = submitted();
        long b = submitted();
        submit(otherMember, TestSupport.unique("关于公交线路调整的建议"), "建议增开早高峰班次。");
        ok(200, staff.post(R + "/" + a + "/adopt", Map.of("level", "CITY")));
        ok(200, staff.post(R + "/" + b + "/reject", Map.of("reason", "重复")));
        int year = LocalDate.now().getYear();
        JsonNode f = ok(200, leaderCppcc.get(R + "/figures?year=" + year));
        JsonNode mine = null;
        for (JsonNode m : f.path("byMember")) {
            if (m.path("memberId").asLong() == c.memberIds.get(0)) {
                mine = m;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("counts").path("submitted").asLong()).isEqualTo(2);
        assertThat(mine.path("counts").path("adopted").asLong()).isEqualTo(1);
        assertThat(mine.path("counts").path("adoptedByLevel").path("CITY").asLong()).isEqualTo(1);
        assertThat(mine.path("counts").path("notAdopted").asLong()).isEqualTo(1);
        JsonNode sector = null;
        for (JsonNode s : f.path("bySector")) {
            if (s.path("sectorId").asLong() == c.sectorId) {
                sector = s;
            }
        }
        assertThat(sector.path("members").asLong()).isEqualTo(2);
        assertThat(sector.path("counts").path("submitted").asLong()).isEqualTo(3);

        byte[] xlsx = staff.getBytes(R + "/figures/export?year=" + year);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet members = wb.getSheetAt(0);
            assertThat(members.getRow(0).getCell(0).getStringCellValue()).isEqualTo("委员");
            Map<String, Double> submittedByName = new HashMap<>();
            for (Row row : members) {
                if (row.getRowNum() > 0) {
                    submittedByName.put(row.getCell(0).getStringCellValue(), row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(submittedByName).containsEntry(mine.path("name").asString(), 2.0);
            Sheet sectors = wb.getSheetAt(1);
            boolean found = false;
            for (Row row : sectors) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(sector.path("sector").asString())) {
                    found = true;
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(3.0);
                }
            }
            assertThat(found).isTrue();
        }
        invalid(staff.get(R + "/figures?year=99999"), "year");
    }

    @Test
    void twoStaffAdoptingAtOnceOneWinsTheOtherGets409() throws Exception {
        Api staff2 = c.staff();
        for (int round = 0; round < 3; round++) {
            long id = submitted();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Api.Res>> answers = new ArrayList<>();
                for (Api s : List.of(staff, staff2)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return s.post(R + "/" + id + "/adopt", Map.of("level", "CITY"));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Res> a : answers) {
                    statuses.add(a.get().status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            List<String> actions = new ArrayList<>();
            staff.get(R + "/" + id).json().path("history").forEach(h -> actions.add(h.path("action").asString()));
            assertThat(actions).containsExactly("SUBMIT", "ADOPT");
        }
    }

    static List<Long> ids(Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        res.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    // --- attachments (issue 11, point 1) ---

    static final byte[] TEXT = "附件：走访记录\n".getBytes(StandardCharsets.UTF_8);

    static Api.Res upload(Api who, long id, String filename, byte[] content) {
        return who.upload(R + "/" + id + "/attachments", "file", filename, "application/octet-stream", content);
    }

    @Test
    void theAuthorAndTheOfficeAttachFilesThatEveryReaderDownloads() {
        long id = submitted();
        JsonNode a = ok(201, upload(author, id, "走访记录.txt", TEXT));
        assertThat(a.path("id").asLong()).isPositive();
        assertThat(a.path("name").asString()).isEqualTo("走访记录.txt");
        assertThat(a.path("size").asLong()).isEqualTo(TEXT.length);
        JsonNode b = ok(201, upload(staff, id, "PHOTO.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertThat(b.path("name").asString()).isEqualTo("PHOTO.PNG");

        JsonNode seen = ok(200, author.get(R + "/" + id));
        assertThat(seen.path("attachments").findValuesAsString("name")).containsExactly("走访记录.txt", "PHOTO.PNG");
        assertThat(seen.path("attachments").get(0).path("size").asLong()).isEqualTo(TEXT.length);
        List<String> actions = new ArrayList<>();
        seen.path("history").forEach(h -> actions.add(h.path("action").asString()));
        assertThat(actions).containsExactly("SUBMIT", "ATTACH", "ATTACH");
        List<String> audited = new ArrayList<>();
        admin.get("/api/v1/audit/entries?entityType=SocialReport&entityId=" + id).json().path("items")
                .forEach(e -> audited.add(e.path("action").asString()));
        assertThat(audited).filteredOn("ATTACH"::equals).hasSize(2);

        String path = R + "/" + id + "/attachments/" + a.path("id").asLong();
        for (Api who : List.of(author, staff, leaderCppcc, admin)) {
            Api.Res file = who.get(path);
            assertThat(file.status()).as(file.toString()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
            assertThat(file.contentType()).startsWith("text/plain");
            assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                    .contains("UTF-8''%E8%B5%B0%E8%AE%BF%E8%AE%B0%E5%BD%95.txt");
        }
        assertThat(staff.get(R + "/" + id + "/attachments/" + b.path("id").asLong()).contentType()).startsWith("image/png");
        // a government leader reads adopted reports only, and their files with them
        refused(404, leaderGov.get(path));
        refused(404, otherMember.get(path));
        refused(403, unit.get(path));
        refused(401, api.anonymous().get(path));
        ok(200, staff.post(R + "/" + id + "/adopt", Map.of()));
        assertThat(leaderGov.get(path).status()).isEqualTo(200);
        // a file is found only under its own report
        long another = submitted();
        refused(404, author.get(R + "/" + another + "/attachments/" + a.path("id").asLong()));
        refused(404, author.get(R + "/" + id + "/attachments/99999999"));
        assertThat(ok(200, author.get(R + "/" + another)).path("attachments")).isEmpty();
    }

    @Test
    void onlyTheAuthorAndTheOfficeAttachAndOnlyWhileThePendingReportIsUndecided() {
        long id = submitted();
        refused(404, upload(otherMember, id, "a.txt", TEXT));
        refused(404, upload(leaderGov, id, "a.txt", TEXT));
        refused(404, upload(author, 99999999L, "a.txt", TEXT));
        for (Api who : List.of(leaderCppcc, admin, unit)) {
            refused(403, upload(who, id, "a.txt", TEXT));
        }
        ok(200, staff.post(R + "/" + id + "/adopt", Map.of()));
        refused(409, upload(author, id, "a.txt", TEXT));
        refused(409, upload(staff, id, "a.txt", TEXT));
        refused(403, upload(leaderGov, id, "a.txt", TEXT));
        long refusedReport = submitted();
        ok(200, staff.post(R + "/" + refusedReport + "/reject", Map.of("reason", "信息不实")));
        refused(409, upload(author, refusedReport, "a.txt", TEXT));
        assertThat(ok(200, author.get(R + "/" + id)).path("attachments")).isEmpty();
        assertThat(ok(200, author.get(R + "/" + refusedReport)).path("attachments")).isEmpty();
    }

    @Test
    void badFilesAreA400InTheUsersLanguage() {
        long id = submitted();
        invalid(upload(author, id, "empty.txt", new byte[0]), "file");
        invalid(upload(author, id, "setup.exe", TEXT), "file");
        invalid(upload(author, id, "README", TEXT), "file");
        invalid(upload(author, id, "x".repeat(197) + ".txt", TEXT), "file");
        invalid(upload(author, id, "invoice\u202Etxt.exe.txt", TEXT), "file");
        invalid(upload(author, id, "bad\u0001name.txt", TEXT), "file");
        refused(400, author.upload(R + "/" + id + "/attachments", "document", "a.txt", "text/plain", TEXT));
        JsonNode en = refused(400, upload(author.lang("en"), id, "setup.exe", TEXT));
        assertThat(en.path("errors").get(0).path("message").asString()).startsWith("Allowed file types:");
        JsonNode zh = refused(400, upload(author, id, "setup.exe", TEXT));
        assertThat(zh.path("errors").get(0).path("message").asString()).startsWith("只能上传以下类型的文件");
        for (int i = 0; i < 10; i++) {
            ok(201, upload(author, id, "part" + i + ".txt", TEXT));
        }
        invalid(upload(author, id, "eleven.txt", TEXT), "file");
        assertThat(ok(200, author.get(R + "/" + id)).path("attachments")).hasSize(10);
        invalid(author.get(R + "/" + id + "/attachments/abc"), "attachmentId");
    }
}
