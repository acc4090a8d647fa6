package org.xieshang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.assessment.AssessmentFixture.Person;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The assessment API of API.md: rules, the duty record derived from real use cases (social
 * reports) and manual entries, runs kept as computed, exports, actions and resignation — happy
 * paths, refused roles, bad input. Runs on the shared test application (real clock).
 */
class AssessmentApiTest extends ApiTestBase {

    static final String RULES = "/api/v1/assessment/rules";
    static final String RUNS = "/api/v1/assessment/runs";

    AssessmentFixture fx;

    @BeforeEach
    void fixture() {
        fx = new AssessmentFixture(admin);
    }

    static Res status(int expected, Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(expected);
        return res;
    }

    static void problem(int expected, Res res) {
        status(expected, res);
        assertThat(res.contentType()).startsWith("application/problem+json");
    }

    List<Api> others(String... roles) {
        List<Api> list = new ArrayList<>();
        for (String r : roles) {
            list.add(Fixtures.signedIn(admin, r));
        }
        return list;
    }

    static Map<String, Object> rules(int excellent, int qualified, int basic) {
        Map<String, Object> body = new HashMap<>();
        body.put("basePoints", 5);
        body.put("items", List.of(
                Map.of("kind", "ACTIVITY_PRESENT", "activityType", "PLENARY", "points", 40, "cap", 40),
                Map.of("kind", "ACTIVITY_PRESENT", "points", 3, "cap", 12),
                Map.of("kind", "SOCIAL_REPORT_ADOPTED", "level", "CITY", "points", 8),
                Map.of("kind", "ACTIVITY_ABSENT", "activityType", "STANDING_COMMITTEE_MEETING", "points", -5)));
        body.put("grades", List.of(Map.of("grade", "EXCELLENT", "minPoints", excellent),
                Map.of("grade", "QUALIFIED", "minPoints", qualified),
                Map.of("grade", "BASICALLY_QUALIFIED", "minPoints", basic),
                Map.of("grade", "UNQUALIFIED", "minPoints", 0)));
        return body;
    }

    @Test
    void theOfficeSetsTheRulesOfAYearAndOnlyTheOfficeMay() {
        JsonNode defaults = status(200, admin.get(RULES + "?year=2031")).json();
        assertThat(defaults.path("defaults").asBoolean()).isTrue();
        assertThat(defaults.path("passMark").asInt()).isEqualTo(60);
        assertThat(defaults.path("items").size()).isGreaterThan(5);

        JsonNode set = status(200, admin.put(RULES + "?year=2031", rules(85, 60, 45))).json();
        assertThat(set.path("year").asInt()).isEqualTo(2031);
        assertThat(set.path("basePoints").asInt()).isEqualTo(5);
        assertThat(set.path("defaults").asBoolean()).isFalse();
        JsonNode again = status(200, admin.get(RULES + "?year=2031")).json();
        assertThat(again.path("items").size()).isEqualTo(4);
        assertThat(again.path("items").get(2).path("level").asString()).isEqualTo("CITY");

        // a stale version loses (409), the current one wins
        long version = again.path("version").asLong();
        Map<String, Object> next = rules(90, 60, 50);
        next.put("version", version);
        status(200, admin.put(RULES + "?year=2031", next));
        problem(409, admin.put(RULES + "?year=2031", next));

        // bad input: a better grade with a lower threshold, a level on the wrong kind, an unknown kind
        Res order = admin.lang("en").put(RULES + "?year=2031", rules(50, 60, 45));
        problem(400, order);
        assertThat(order.body()).contains("grades").contains("better grade");
        Map<String, Object> wrongLevel = rules(90, 60, 50);
        wrongLevel.put("items", List.of(Map.of("kind", "PROPOSAL_FILED", "level", "CITY", "points", 3)));
        Res level = admin.put(RULES + "?year=2031", wrongLevel);
        problem(400, level);
        assertThat(level.body()).contains("items[0].level").contains("采用层级");
        problem(400, admin.put(RULES + "?year=2031", Map.of("items", List.of(Map.of("kind", "NOPE", "points", 1)))));
        problem(400, admin.get(RULES + "?year=1200"));

        for (Api other : others("PROPOSAL_STAFF", "LEADER_CPPCC", "LEADER_GOV", "MEMBER", "UNIT_HANDLER")) {
            problem(403, other.get(RULES + "?year=2031"));
            problem(403, other.put(RULES + "?year=2031", rules(85, 60, 45)));
        }
        problem(401, api.get(RULES));
    }

    @Test
    void theDutyRecordFollowsTheSourcesAndShowsOnlyToThoseWhoMaySeeIt() {
        Person p = fx.member();
        Api staff = Fixtures.signedIn(admin, "PROPOSAL_STAFF");
        long report = Fixtures.created(p.api().post("/api/v1/social-reports", Map.of("title", "菜市场噪声扰民",
                "content", "早市噪声影响周边居民休息，建议调整营业时间。")));
        JsonNode items = fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_SUBMITTED") == 1);
        assertThat(items.get(0).path("source").path("type").asString()).isEqualTo("SOCIAL_REPORT");
        assertThat(items.get(0).path("source").path("id").asLong()).isEqualTo(report);
        status(200, staff.post("/api/v1/social-reports/" + report + "/adopt", Map.of("level", "CITY")));
        items = fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_ADOPTED") == 1);
        assertThat(items).hasSize(2);

        // a manual entry by the office, with and without evidence
        String today = LocalDate.now().toString();
        JsonNode manual = status(201, admin.post("/api/v1/members/" + p.memberId() + "/duty-record", Map.of("kind", "MANUAL",
                "date", today, "description", "参加抗洪志愿服务", "points", 4))).json();
        assertThat(manual.path("source").path("type").asString()).isEqualTo("MANUAL");
        JsonNode withFile = status(201, AssessmentFixture.multipart(admin, "/api/v1/members/" + p.memberId() + "/duty-record",
                Map.of("date", today, "description", "未按时提交履职报告", "points", "-2"), "说明.pdf",
                "%PDF-1.4 evidence".getBytes())).json();
        assertThat(withFile.path("evidence").asString()).isEqualTo("说明.pdf");
        Res evidence = p.api().get("/api/v1/members/" + p.memberId() + "/duty-record/" + withFile.path("id").asLong() + "/evidence");
        status(200, evidence);
        assertThat(evidence.body()).contains("evidence");

        // bad input
        String path = "/api/v1/members/" + p.memberId() + "/duty-record";
        Res bad = admin.lang("en").post(path, Map.of("kind", "MANUAL", "date", LocalDate.now().plusDays(3).toString(),
                "description", " ", "points", 500));
        problem(400, bad);
        assertThat(bad.body()).contains("\"date\"").contains("\"description\"").contains("\"points\"");
        problem(400, admin.post(path, Map.of("kind", "PROPOSAL_FILED", "date", today, "description", "x", "points", 1)));
        problem(400, admin.post(path, Map.of("kind", "MANUAL", "date", "yesterday", "description", "x", "points", 1)));
        problem(400, AssessmentFixture.multipart(admin, path, Map.of("date", today, "description", "x", "points", "1"),
                "run.exe", new byte[]{1, 2}));
        problem(404, admin.post("/api/v1/members/999999/duty-record", Map.of("kind", "MANUAL", "date", today,
                "description", "x", "points", 1)));

        // who sees it: the member, the office, leaders, the proposal office; not another member nor a unit
        JsonNode own = status(200, p.api().get(path)).json().path("items");
        assertThat(own).hasSize(4);
        for (Api reader : others("LEADER_CPPCC", "LEADER_GOV", "PROPOSAL_STAFF")) {
            status(200, reader.get(path));
        }
        Person other = fx.member();
        problem(403, other.api().get(path));
        problem(403, Fixtures.signedIn(admin, "UNIT_HANDLER").get(path));
        problem(404, admin.get("/api/v1/members/999999/duty-record"));
        problem(400, admin.get(path + "?from=2026-05-01&to=2026-01-01"));
        for (Api other2 : others("PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER")) {
            problem(403, other2.post(path, Map.of("kind", "MANUAL", "date", today, "description", "x", "points", 1)));
        }
        problem(403, p.api().post(path, Map.of("kind", "MANUAL", "date", today, "description", "x", "points", 1)));
    }

    @Test
    void aRunIsKeptAsComputedAndTheNextRunSeesALaterChange() throws Exception {
        Person p = fx.member();
        Api staff = Fixtures.signedIn(admin, "PROPOSAL_STAFF");
        long report = Fixtures.created(p.api().post("/api/v1/social-reports", Map.of("title", "停车难",
                "content", "老旧小区停车位严重不足。")));
        fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_SUBMITTED") == 1);
        String today = LocalDate.now().toString();
        status(201, admin.post("/api/v1/members/" + p.memberId() + "/duty-record", Map.of("kind", "MANUAL",
                "date", today, "description", "社区调解", "points", 3)));
        int year = LocalDate.now().getYear();
        Map<String, Object> period = Map.of("from", year + "-01-01", "to", year + "-12-31");

        // default rules: report submitted 10 (cap 10) + manual 3 = 13 → UNQUALIFIED
        JsonNode first = status(201, admin.post(RUNS, period)).json();
        long firstId = first.path("id").asLong();
        JsonNode mine = AssessmentFixture.resultOf(first, p.memberId());
        assertThat(mine.path("points").asInt()).isEqualTo(13);
        assertThat(mine.path("grade").asString()).isEqualTo("UNQUALIFIED");
        assertThat(mine.path("items")).hasSize(2);
        assertThat(mine.path("items").get(0).path("kind").asString()).isEqualTo("SOCIAL_REPORT_SUBMITTED");
        assertThat(mine.path("items").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("points").asInt()).isEqualTo(10);
        assertThat(mine.path("items").get(0).path("entries").get(0).path("description").asString()).contains("#" + report);
        assertThat(first.path("status").asString()).isEqualTo("DONE");

        // later: the report is adopted (+5); the kept run does not move, the next one does
        status(200, staff.post("/api/v1/social-reports/" + report + "/adopt", Map.of()));
        fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_ADOPTED") == 1);
        JsonNode kept = status(200, admin.get(RUNS + "/" + firstId)).json();
        assertThat(AssessmentFixture.resultOf(kept, p.memberId()).path("points").asInt()).isEqualTo(13);
        JsonNode second = status(201, admin.post(RUNS, period)).json();
        assertThat(AssessmentFixture.resultOf(second, p.memberId()).path("points").asInt()).isEqualTo(18);
        assertThat(second.path("id").asLong()).isNotEqualTo(firstId);

        // the chair's meeting list, the list of runs, the exports
        JsonNode chair = status(200, admin.get(RUNS + "/" + firstId + "/consequences")).json().path("items");
        assertThat(chair.findValues("memberId").stream().map(JsonNode::asLong)).contains(p.memberId());
        JsonNode list = status(200, admin.get(RUNS)).json().path("items");
        assertThat(list.get(0).path("id").asLong()).isEqualTo(second.path("id").asLong());
        byte[] xlsx = admin.getBytes(RUNS + "/" + firstId + "/export");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(first.path("results").size() + 1);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(mine.path("memberName").asString())) {
                    int last = row.getLastCellNum();
                    assertThat(row.getCell(last - 2).getNumericCellValue()).isEqualTo(13.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        byte[] docx = admin.getBytes(RUNS + "/" + firstId + "/notice");
        assertThat(docx).startsWith((byte) 'P', (byte) 'K');

        // background: 202 at once, done shortly after
        Map<String, Object> bg = new HashMap<>(period);
        bg.put("background", true);
        Res started = admin.post(RUNS, bg);
        assertThat(started.status()).as(started.toString()).isIn(201, 202);
        long bgId = started.json().path("id").asLong();
        long until = System.currentTimeMillis() + 20_000;
        String s;
        do {
            s = status(200, admin.get(RUNS + "/" + bgId)).json().path("status").asString();
            AssessmentFixture.sleep();
        } while (!s.equals("DONE") && System.currentTimeMillis() < until);
        assertThat(s).isEqualTo("DONE");

        // bad input and refused roles
        problem(400, admin.post(RUNS, Map.of("from", year + "-12-31", "to", year + "-01-01")));
        problem(400, admin.post(RUNS, Map.of("from", year + "-01-01")));
        problem(400, admin.post(RUNS, Map.of("from", (year - 2) + "-01-01", "to", year + "-12-31")));
        problem(404, admin.get(RUNS + "/999999"));
        for (Api reader : others("LEADER_CPPCC", "LEADER_GOV", "PROPOSAL_STAFF")) {
            status(200, reader.get(RUNS + "/" + firstId));
            problem(403, reader.post(RUNS, period));
        }
        for (Api none : List.of(p.api(), Fixtures.signedIn(admin, "UNIT_HEAD"))) {
            problem(403, none.get(RUNS));
            problem(403, none.get(RUNS + "/" + firstId));
            problem(403, none.get(RUNS + "/" + firstId + "/export"));
            problem(403, none.post(RUNS, period));
        }

        // the member's own standing this year: against the pass mark, with what is missing
        JsonNode standing = status(200, p.api().get("/api/v1/assessment/mine")).json();
        assertThat(standing.path("points").asInt()).isEqualTo(18);
        assertThat(standing.path("passMark").asInt()).isEqualTo(60);
        assertThat(standing.path("missing")).isNotEmpty();
        problem(403, Fixtures.signedIn(admin, "UNIT_HANDLER").get("/api/v1/assessment/mine"));
    }

    @Test
    void warningsTalksAndAnApprovedResignation() {
        Person p = fx.member();
        String actions = "/api/v1/members/" + p.memberId() + "/actions";
        String today = LocalDate.now().toString();
        JsonNode warning = status(201, admin.post(actions, Map.of("type", "WARNING", "reason", "全年无故缺席常委会议三次",
                "date", today))).json();
        assertThat(status(200, admin.get("/api/v1/members/" + p.memberId())).get("status")).isEqualTo("WARNED");
        JsonNode doc = status(201, admin.upload(actions + "/" + warning.path("id").asLong() + "/documents", "file",
                "警告通知.pdf", "application/pdf", "%PDF-1.4 warning".getBytes())).json();
        status(201, admin.post(actions, Map.of("type", "ADMONISHMENT_TALK", "reason", "履职不到位", "date", today)));
        JsonNode history = status(200, admin.get(actions)).json().path("items");
        assertThat(history).hasSize(2);
        assertThat(history.findValues("documents").stream().mapToInt(JsonNode::size).sum()).isEqualTo(1);
        status(200, p.api().get(actions));
        status(200, Fixtures.signedIn(admin, "LEADER_GOV").get(actions + "/" + warning.path("id").asLong()
                + "/documents/" + doc.path("id").asLong()));

        problem(400, admin.post(actions, Map.of("type", "SCOLDING", "reason", "x", "date", today)));
        Res bad = admin.lang("en").post(actions, Map.of("type", "WARNING", "reason", "", "date",
                LocalDate.now().plusDays(1).toString()));
        problem(400, bad);
        assertThat(bad.body()).contains("\"reason\"").contains("\"date\"");
        problem(404, admin.post("/api/v1/members/999999/actions", Map.of("type", "WARNING", "reason", "x", "date", today)));
        for (Api other : others("PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER", "UNIT_HEAD")) {
            problem(403, other.post(actions, Map.of("type", "WARNING", "reason", "x", "date", today)));
        }
        problem(403, fx.member().api().get(actions));
        problem(403, Fixtures.signedIn(admin, "UNIT_HANDLER").get(actions));

        // resignation: the member asks, once; the office approves after the standing committee meeting
        String resign = "/api/v1/members/" + p.memberId() + "/resignation";
        problem(409, admin.post(resign + "/approve", Map.of("meeting", "第十四届常委会第九次会议", "date", today)));
        problem(403, fx.member().api().post(resign, Map.of("reason", "工作调动")));
        problem(400, p.api().post(resign, Map.of("reason", " ")));
        JsonNode asked = status(201, p.api().post(resign, Map.of("reason", "工作调动，无法继续履职"))).json();
        assertThat(asked.path("status").asString()).isEqualTo("REQUESTED");
        problem(409, p.api().post(resign, Map.of("reason", "再次申请")));
        problem(400, admin.post(resign + "/approve", Map.of("meeting", "", "date", today)));
        problem(403, p.api().post(resign + "/approve", Map.of("meeting", "常委会", "date", today)));
        JsonNode approved = status(200, admin.post(resign + "/approve", Map.of("meeting", "第十四届常委会第九次会议",
                "date", today))).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("memberStatus").asString()).isEqualTo("RESIGNED");
        assertThat(status(200, admin.get("/api/v1/members/" + p.memberId())).get("status")).isEqualTo("RESIGNED");
        problem(409, admin.post(resign + "/approve", Map.of("meeting", "常委会", "date", today)));
        problem(409, admin.post(actions, Map.of("type", "WARNING", "reason", "x", "date", today)));

        // the term's figures count them
        JsonNode figures = status(200, Fixtures.signedIn(admin, "LEADER_CPPCC").get("/api/v1/assessment/figures?from="
                + LocalDate.now().getYear() + "-01-01&to=" + LocalDate.now().getYear() + "-12-31")).json();
        assertThat(figures.path("resignationsApproved").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("warnings").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("admonishmentTalks").asLong()).isGreaterThanOrEqualTo(1);

        // a resigned member proposes no more
        problem(403, p.api().post("/api/v1/proposals", Map.of("title", "关于增设公交线路的建议", "background", "出行不便",
                "suggestions", "增设线路", "category", "其他")));
    }

    @Test
    void persuasionToResignSetsTheStatusAndLeavesNextYearsLiaisonPlan() {
        Person p = fx.member();
        long leader = Fixtures.created(admin.post("/api/v1/members", Map.of("name", "常委甲", "gender", "MALE",
                "sectorId", Fixtures.sector(admin), "roles", List.of("STANDING_COMMITTEE"))));
        status(201, admin.post("/api/v1/members/" + p.memberId() + "/actions", Map.of("type", "PERSUADE_TO_RESIGN",
                "reason", "连续两次测评不合格", "date", LocalDate.now().toString())));
        assertThat(status(200, admin.get("/api/v1/members/" + p.memberId())).get("status")).isEqualTo("PERSUADED_TO_RESIGN");
        Res plan = admin.post("/api/v1/liaison/plans", Map.of("year", LocalDate.now().getYear() + 1));
        assertThat(plan.status()).as(plan.toString()).isIn(200, 201);
        List<Long> planned = new ArrayList<>();
        plan.json().path("groups").forEach(g -> {
            planned.add(g.path("liaisonMemberId").asLong());
            g.path("memberIds").forEach(m -> planned.add(m.asLong()));
        });
        assertThat(planned).contains(leader).doesNotContain(p.memberId());
    }
}
