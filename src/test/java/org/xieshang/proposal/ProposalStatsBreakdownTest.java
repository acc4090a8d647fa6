package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;
import static org.xieshang.proposal.Cases.refused;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.Api;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The statistics breakdown, its exports and the dashboard over a year no other test uses: cases
 * of two sessions, three categories, two lead units and two sectors are driven through the API
 * to many states; the test then recounts every figure from the cases' own details (not from the
 * statistics code) and compares, per dimension. Also: who may see what, bad input, and the
 * .xlsx/.docx read back with POI.
 */
class ProposalStatsBreakdownTest extends ProposalApiTestBase {

    private static final int YEAR = 2031;
    private static final Set<String> CONTENT = Set.of("SATISFIED", "BASICALLY_SATISFIED");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private org.xieshang.proposal.internal.provided.CaseFigureModel figureModel;

    private long s1;
    private long s2;
    private long sector2;
    private Api lead2;
    private final List<Long> all = new ArrayList<>();
    /** the sector of each case's lead proposer, as this test made it */
    private final Map<Long, Long> sectorOfCase = new HashMap<>();
    /** who proposed each case (staff do not see drafts) */
    private final Map<Long, Api> proposerOf = new HashMap<>();
    private String unit0Name;
    private String unit2Name;
    private String overdueTitle;

    @BeforeAll
    void buildCases() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("第十六届"),
                "startDate", "2029-01-01", "endDate", "2033-12-31"))).path("id").asLong();
        s1 = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第三次会议", "year", YEAR,
                "startDate", YEAR + "-01-10"))).path("id").asLong();
        s2 = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第三次会议（续）", "year", YEAR,
                "startDate", YEAR + "-06-10"))).path("id").asLong();
        sector2 = ok(201, f.admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("经济界")))).path("id").asLong();
        long member2 = ok(201, f.admin.post("/api/v1/members", Map.of("name", TestSupport.unique("委员"), "gender", "FEMALE",
                "sectorId", sector2))).path("id").asLong();
        lead2 = f.c.user(List.of("MEMBER"), member2, null);
        for (JsonNode u : ok(200, f.admin.get("/api/v1/units")).path("items")) {
            if (u.path("id").asLong() == f.unit(0)) {
                unit0Name = u.path("name").asString();
            } else if (u.path("id").asLong() == f.unit(2)) {
                unit2Name = u.path("name").asString();
            }
        }

        LocalDate today = LocalDate.now();
        // closed: A, fully satisfied; B, attitude basically satisfied
        rate(f.lead(), replied(f.lead(), s1, "经济发展", 0, "A", null), "SATISFIED", "SATISFIED", "CLOSED");
        rate(lead2, replied(lead2, s1, "经济发展", 0, "B", null), "BASICALLY_SATISFIED", "SATISFIED", "CLOSED");
        // replied late (C), not rated; replied on its due date: on time
        replied(f.lead(), s1, "教育科技", 2, "A", today);
        replied(f.lead(), s1, "生态环境", 2, "C", today.minusDays(1));
        // unsatisfied result → rehandling, then past its new due date: overdue
        long rehandling = replied(lead2, s2, "生态环境", 2, "A", null);
        rate(lead2, rehandling, "UNSATISFIED", "UNSATISFIED", "REHANDLING");
        jdbc.update("update proposal set due_date = ? where id = ?", today.minusDays(3), rehandling);
        // in progress past due: overdue; assigned in time
        long late = handled(f.lead(), s2, "教育科技", 0, "IN_PROGRESS");
        jdbc.update("update proposal set due_date = ? where id = ?", today.minusDays(12), late);
        overdueTitle = ok(200, f.staff().get(P + "/" + late)).path("title").asString();
        handled(lead2, s2, "教育科技", 2, "ASSIGNED");
        // due today: not yet overdue
        long dueToday = handled(lead2, s1, "生态环境", 0, "IN_PROGRESS");
        jdbc.update("update proposal set due_date = ? where id = ?", today, dueToday);
        // not filed, submitted, a key case, a draft (not counted)
        long notFiled = handled(f.lead(), s1, "经济发展", 0, "SUBMITTED");
        ok(200, f.staff().post(P + "/" + notFiled + "/review", Map.of("decision", "NOT_FILE", "reason", "内容空泛，无具体建议")));
        handled(lead2, s1, "经济发展", 0, "SUBMITTED");
        long key = handled(f.lead(), s1, "生态环境", 0, "FILED");
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of()));
        handled(f.lead(), s2, "生态环境", 0, "DRAFT");
        // the attitude unsatisfied but the result basically satisfied: closed
        rate(f.lead(), replied(f.lead(), s2, "教育科技", 0, "B", null), "UNSATISFIED", "BASICALLY_SATISFIED", "CLOSED");
        // the due dates above were written behind the application's back (a replied case's among them): the
        // statistics read model is rebuilt from the rows, as after any bulk write (docs/stats-read-model.md)
        figureModel.rebuild();
    }

    /** A case of the given proposer, category and lead unit (index) moved to a state of the main line. */
    private long handled(Api proposer, long session, String category, int unit, String state) {
        Map<String, Object> body = new HashMap<>(f.c.draft(TestSupport.unique("关于统计测试的建议"), List.of()));
        body.put("sessionId", session);
        body.put("category", category);
        long id = ok(201, proposer.post(P, body)).path("id").asLong();
        all.add(id);
        sectorOfCase.put(id, proposer == lead2 ? sector2 : f.c.sectorId);
        proposerOf.put(id, proposer);
        List<String> order = List.of("DRAFT", "SUBMITTED", "FILED", "ASSIGNED", "IN_PROGRESS");
        int target = order.indexOf(state);
        if (target >= 1) {
            expectStatus(ok(200, proposer.post(P + "/" + id + "/submit", Map.of())), "SUBMITTED");
        }
        if (target >= 2) {
            expectStatus(ok(200, f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案条件"))), "FILED");
        }
        if (target >= 3) {
            expectStatus(ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(unit),
                    "coUnitIds", List.of()))), "ASSIGNED");
        }
        if (target >= 4) {
            expectStatus(ok(200, unitClient(unit).post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        }
        return id;
    }

    /** A case replied in the given class and approved by staff; with the due date set before approval when given. */
    private long replied(Api proposer, long session, String category, int unit, String replyClass, LocalDate due) {
        long id = handled(proposer, session, category, unit, "IN_PROGRESS");
        ok(201, unitClient(unit).post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "电话联系提案人")));
        expectStatus(ok(200, Cases.replySigned(unitClient(unit), f.unitHead(unit == 0 ? 0 : 2), id, Map.of("category", replyClass,
                "content", "答复内容"))), "REPLY_REVIEW");
        if (due != null) {
            jdbc.update("update proposal set due_date = ? where id = ?", due, id);
        }
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
        return id;
    }

    private void rate(Api proposer, long id, String attitude, String result, String expected) {
        expectStatus(ok(201, proposer.post(P + "/" + id + "/evaluation", rating(attitude, result))), expected);
    }

    private Api unitClient(int unit) {
        return unit == 0 ? f.leadUnit() : f.otherUnit();
    }

    // --- the independent count ---

    /** Figures of one group, counted from the cases' details. */
    private static final class Count {
        long total, filed, notFiled, key, replied, onTime, overdue, rated, attOk, attFull, resOk, resFull;
        final Map<String, Long> classes = new HashMap<>();
    }

    private record Counted(Count all, Map<String, Count> bySession, Map<String, Count> byStatus, Map<String, Count> byCategory,
                           Map<String, Count> byUnit, Map<String, Count> bySector, List<Long> overdue) {
    }

    /** Recounts the cases of this test (optionally only those one unit leads). */
    private Counted count(Predicate<JsonNode> which) {
        Counted c = new Counted(new Count(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new ArrayList<>());
        List<JsonNode> overdue = new ArrayList<>();
        for (long id : all) {
            JsonNode p = ok(200, proposerOf.get(id).get(P + "/" + id));
            String status = p.path("status").asString();
            if (Set.of("DRAFT", "AWAITING_COSIGNERS", "WITHDRAWN").contains(status) || !which.test(p)) {
                continue;
            }
            List<Count> groups = new ArrayList<>(List.of(c.all(),
                    c.bySession().computeIfAbsent(p.path("sessionId").asString(), k -> new Count()),
                    c.byStatus().computeIfAbsent(status, k -> new Count()),
                    c.byCategory().computeIfAbsent(p.path("category").asString(), k -> new Count()),
                    c.bySector().computeIfAbsent(String.valueOf(sectorOfCase.get(id)), k -> new Count())));
            if (!p.path("leadUnitId").isNull() && !p.path("leadUnitId").isMissingNode()) {
                groups.add(c.byUnit().computeIfAbsent(p.path("leadUnitId").asString(), k -> new Count()));
            }
            boolean repliedCase = !p.path("repliedOn").isNull();
            boolean onTime = repliedCase && !LocalDate.parse(p.path("repliedOn").asString())
                    .isAfter(LocalDate.parse(p.path("dueDate").asString()));
            boolean overdueCase = Set.of("ASSIGNED", "IN_PROGRESS", "REHANDLING").contains(status)
                    && LocalDate.parse(p.path("dueDate").asString()).isBefore(LocalDate.now());
            JsonNode sat = p.path("satisfaction");
            boolean rated = !sat.isNull() && !sat.isMissingNode();
            if (overdueCase) {
                overdue.add(p);
            }
            for (Count g : groups) {
                g.total++;
                g.filed += p.path("number").isNull() ? 0 : 1;
                g.notFiled += status.equals("NOT_FILED") ? 1 : 0;
                g.key += p.path("key").asBoolean() ? 1 : 0;
                if (repliedCase) {
                    g.replied++;
                    g.onTime += onTime ? 1 : 0;
                    g.classes.merge(p.path("replyCategory").asString(), 1L, Long::sum);
                }
                g.overdue += overdueCase ? 1 : 0;
                if (rated) {
                    g.rated++;
                    g.attOk += CONTENT.contains(sat.path("attitude").asString()) ? 1 : 0;
                    g.attFull += sat.path("attitude").asString().equals("SATISFIED") ? 1 : 0;
                    g.resOk += CONTENT.contains(sat.path("result").asString()) ? 1 : 0;
                    g.resFull += sat.path("result").asString().equals("SATISFIED") ? 1 : 0;
                }
            }
        }
        overdue.sort((a, b) -> a.path("dueDate").asString().compareTo(b.path("dueDate").asString()));
        overdue.forEach(p -> c.overdue().add(p.path("id").asLong()));
        return c;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static void same(JsonNode row, Count e, String what) {
        assertThat(row.path("total").asLong()).as(what + " total").isEqualTo(e.total);
        assertThat(row.path("filed").asLong()).as(what + " filed").isEqualTo(e.filed);
        assertThat(row.path("notFiled").asLong()).as(what + " notFiled").isEqualTo(e.notFiled);
        assertThat(row.path("keyProposals").asLong()).as(what + " key").isEqualTo(e.key);
        assertThat(row.path("replied").asLong()).as(what + " replied").isEqualTo(e.replied);
        assertThat(row.path("repliedOnTime").asLong()).as(what + " onTime").isEqualTo(e.onTime);
        assertThat(row.path("overdue").asLong()).as(what + " overdue").isEqualTo(e.overdue);
        assertThat(row.path("rated").asLong()).as(what + " rated").isEqualTo(e.rated);
        assertThat(row.path("attitudeSatisfied").asLong()).as(what + " attitudeSatisfied").isEqualTo(e.attOk);
        assertThat(row.path("attitudeFullySatisfied").asLong()).as(what + " attitudeFullySatisfied").isEqualTo(e.attFull);
        assertThat(row.path("resultSatisfied").asLong()).as(what + " resultSatisfied").isEqualTo(e.resOk);
        assertThat(row.path("resultFullySatisfied").asLong()).as(what + " resultFullySatisfied").isEqualTo(e.resFull);
        assertThat(number(row.path("onTimeReplyRate"))).as(what + " onTimeReplyRate").isEqualTo(rate(e.onTime, e.replied));
        assertThat(number(row.path("attitudeSatisfactionRate"))).as(what).isEqualTo(rate(e.attOk, e.rated));
        assertThat(number(row.path("attitudeFullySatisfiedRate"))).as(what).isEqualTo(rate(e.attFull, e.rated));
        assertThat(number(row.path("resultSatisfactionRate"))).as(what).isEqualTo(rate(e.resOk, e.rated));
        assertThat(number(row.path("resultFullySatisfiedRate"))).as(what).isEqualTo(rate(e.resFull, e.rated));
        Map<String, Long> classes = new HashMap<>();
        row.path("replyClasses").properties().forEach(x -> {
            if (x.getValue().asLong() > 0) {
                classes.put(x.getKey(), x.getValue().asLong());
            }
        });
        assertThat(classes).as(what + " classes").isEqualTo(e.classes);
        row.path("replyClasses").properties().forEach(x -> assertThat(number(row.path("replyClassShares").path(x.getKey())))
                .as(what + " share " + x.getKey()).isEqualTo(rate(x.getValue().asLong(), e.replied)));
    }

    private static Double number(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asDouble();
    }

    /** Every row of a table is the count of its group; groups with cases are exactly those counted. */
    private static void sameTable(JsonNode rows, Map<String, Count> expected, Function<JsonNode, String> key, String what) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(key.apply(r), r));
        Map<String, JsonNode> nonEmpty = new LinkedHashMap<>();
        byKey.forEach((k, r) -> {
            if (r.path("total").asLong() > 0) {
                nonEmpty.put(k, r);
            }
        });
        assertThat(nonEmpty.keySet()).as(what).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, e) -> same(byKey.get(k), e, what + " " + k));
    }

    private void matches(JsonNode b, Counted e) {
        same(b.path("summary"), e.all(), "summary");
        sameTable(b.path("bySession"), e.bySession(), r -> r.path("id").asString(), "session");
        sameTable(b.path("byStatus"), e.byStatus(), r -> r.path("group").asString(), "status");
        sameTable(b.path("byCategory"), e.byCategory(), r -> r.path("group").asString(), "category");
        sameTable(b.path("byUnit"), e.byUnit(), r -> r.path("id").asString(), "unit");
        sameTable(b.path("bySector"), e.bySector(), r -> r.path("id").asString(), "sector");
        List<Long> overdue = new ArrayList<>();
        b.path("overdue").forEach(o -> overdue.add(o.path("id").asLong()));
        assertThat(overdue).as("overdue, oldest due date first").isEqualTo(e.overdue());
    }

    // --- the figures ---

    @Test
    void everyTableEqualsACountOfTheRawCases() {
        Counted e = count(p -> true);
        // the data set is the one intended: late, overdue, unsatisfied and not filed cases, two of everything
        assertThat(e.all().total).isEqualTo(12);
        assertThat(e.all().replied).isEqualTo(6);
        assertThat(e.all().onTime).isEqualTo(4);
        assertThat(e.all().rated).isEqualTo(4);
        assertThat(e.overdue()).hasSize(2);
        assertThat(e.bySector()).hasSize(2);
        assertThat(e.byUnit()).hasSize(2);
        assertThat(e.bySession()).hasSize(2);
        assertThat(e.all().attOk).isNotEqualTo(e.all().resOk);
        assertThat(e.all().attFull).isNotEqualTo(e.all().resFull);

        JsonNode b = ok(200, f.staff().get(P + "/stats/breakdown?year=" + YEAR));
        assertThat(b.path("year").asInt()).isEqualTo(YEAR);
        assertThat(b.path("unitId").isNull()).isTrue();
        matches(b, e);
        // every countable status is listed, every configured class too
        assertThat(b.path("byStatus")).hasSize(10);
        JsonNode settings = ok(200, f.staff().get(P + "/settings"));
        settings.path("replyClasses").forEach(c -> assertThat(b.path("summary").path("replyClasses").has(c.asString())).isTrue());
        // the leaders see the same
        assertThat(ok(200, f.leaderCppcc().get(P + "/stats/breakdown?year=" + YEAR)).path("summary"))
                .isEqualTo(b.path("summary"));
        ok(200, f.leaderGov().get(P + "/stats/breakdown?year=" + YEAR));
        ok(200, f.admin.get(P + "/stats/breakdown?year=" + YEAR));
    }

    @Test
    void aSessionLimitsTheFigures() {
        Counted e = count(p -> p.path("sessionId").asLong() == s2);
        JsonNode b = ok(200, f.staff().get(P + "/stats/breakdown?sessionId=" + s2));
        assertThat(b.path("year").asInt()).as("the session's year").isEqualTo(YEAR);
        assertThat(b.path("sessionId").asLong()).isEqualTo(s2);
        matches(b, e);
    }

    @Test
    void overdueCasesGiveCalendarAndWorkingDays() {
        JsonNode b = ok(200, f.staff().get(P + "/stats/breakdown?year=" + YEAR));
        Map<LocalDate, String> exceptions = new HashMap<>();
        LocalDate today = LocalDate.now();
        for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
            ok(200, f.staff().get("/api/v1/calendar/days?year=" + y)).path("items")
                    .forEach(d -> exceptions.put(LocalDate.parse(d.path("date").asString()), d.path("kind").asString()));
        }
        assertThat(b.path("overdue")).hasSize(2);
        for (JsonNode o : b.path("overdue")) {
            LocalDate due = LocalDate.parse(o.path("dueDate").asString());
            assertThat(o.path("daysOverdue").asLong()).isEqualTo(ChronoUnit.DAYS.between(due, today));
            int working = 0;
            for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
                String kind = exceptions.get(d);
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                working += kind != null ? (kind.equals("WORKDAY") ? 1 : 0) : weekend ? 0 : 1;
            }
            assertThat(o.path("workingDaysOverdue").asInt()).as(o.toString()).isEqualTo(working);
            assertThat(o.path("leadUnitName").asString()).isIn(unit0Name, unit2Name);
        }
        assertThat(b.path("overdue").get(0).path("title").asString()).isEqualTo(overdueTitle);
    }

    // --- who sees what ---

    @Test
    void aUnitSeesOnlyTheCasesItLeads() {
        for (int unit : List.of(0, 2)) {
            long unitId = f.unit(unit);
            Counted e = count(p -> p.path("leadUnitId").asLong() == unitId);
            JsonNode b = ok(200, unitClient(unit).get(P + "/stats/breakdown?year=" + YEAR));
            assertThat(b.path("unitId").asLong()).isEqualTo(unitId);
            matches(b, e);
            assertThat(b.path("byUnit")).hasSize(1);
            b.path("overdue").forEach(o -> assertThat(o.path("leadUnitId").asLong()).isEqualTo(unitId));
        }
        JsonNode head = ok(200, f.leadUnitHead().get(P + "/stats/breakdown?year=" + YEAR));
        assertThat(head.path("unitId").asLong()).isEqualTo(f.unit(0));
        // a unit that leads nothing this year sees zeros, not the committee's figures
        JsonNode none = ok(200, f.newUnit().get(P + "/stats/breakdown?year=" + YEAR));
        assertThat(none.path("summary").path("total").asLong()).isZero();
        assertThat(none.path("overdue")).isEmpty();
    }

    @Test
    void membersAndStrangersAreRefused() {
        refused(403, f.lead().get(P + "/stats/breakdown?year=" + YEAR));
        refused(403, f.lead().get(P + "/stats/breakdown.xlsx?year=" + YEAR));
        refused(403, f.lead().get(P + "/stats/report.docx?year=" + YEAR));
        refused(403, f.leadUnit().get(P + "/stats/report.docx?year=" + YEAR));
        refused(401, f.admin.anonymous().get(P + "/stats/breakdown?year=" + YEAR));
        refused(401, f.admin.anonymous().get(P + "/stats/report.docx?year=" + YEAR));
    }

    @Test
    void badInputIsAClear400() {
        refused(400, f.staff().get(P + "/stats/breakdown?year=abc"));
        refused(400, f.staff().get(P + "/stats/breakdown?sessionId=x"));
        Cases.invalid(f.staff().get(P + "/stats/breakdown?year=99"), "year");
        Cases.invalid(f.staff().get(P + "/stats/breakdown?sessionId=999999999"), "sessionId");
        Cases.invalid(f.staff().get(P + "/stats/breakdown?year=2030&sessionId=" + s1), "sessionId");
        Cases.invalid(f.staff().get(P + "/stats/breakdown.xlsx?year=" + YEAR + "&table=nope"), "table");
        refused(400, f.staff().get(P + "/stats/report.docx?year=abc"));
        JsonNode empty = ok(200, f.staff().get(P + "/stats/breakdown?year=2199"));
        assertThat(empty.path("summary").path("total").asLong()).isZero();
        assertThat(empty.path("summary").path("onTimeReplyRate").isNull()).isTrue();
    }

    // --- exports ---

    @Test
    void theWorkbookHasEveryTableWithNumericCells() throws IOException {
        Counted e = count(p -> true);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                f.staff().getBytes(P + "/stats/breakdown.xlsx?year=" + YEAR)))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("总体情况", "按办理状态", "答复类别", "按提案类别", "按主办单位",
                    "按界别（第一提案人）", "按会次", "逾期未办结提案");
            Sheet summary = wb.getSheet("总体情况");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(numberAt(summary, "提案总数", 1)).isEqualTo(e.all().total);
            assertThat(numberAt(summary, "按期答复", 1)).isEqualTo(e.all().onTime);
            Cell rateCell = row(summary, "按期答复").getCell(2);
            assertThat(rateCell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rateCell.getNumericCellValue()).isEqualTo(rate(e.all().onTime, e.all().replied));
            assertThat(rateCell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(numberAt(summary, "办理态度满意和基本满意", 1)).isEqualTo(e.all().attOk);
            assertThat(numberAt(summary, "办理结果满意", 1)).isEqualTo(e.all().resFull);

            Sheet units = wb.getSheet("按主办单位");
            assertThat(units.getRow(0).getCell(0).getStringCellValue()).isEqualTo("主办单位");
            assertThat(units.getRow(0).getCell(5).getStringCellValue()).isEqualTo("按期答复率");
            Count u0 = e.byUnit().get(String.valueOf(f.unit(0)));
            assertThat(numberAt(units, unit0Name, 1)).isEqualTo(u0.total);
            assertThat(numberAt(units, unit0Name, 3)).isEqualTo(u0.replied);
            assertThat(row(units, unit0Name).getCell(5).getNumericCellValue()).isEqualTo(rate(u0.onTime, u0.replied));

            Sheet overdue = wb.getSheet("逾期未办结提案");
            assertThat(overdue.getPhysicalNumberOfRows()).isEqualTo(1 + e.overdue().size());
            assertThat(overdue.getRow(1).getCell(1).getStringCellValue()).isEqualTo(overdueTitle);
            assertThat(overdue.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        // one table alone; a unit's workbook holds only its own unit
        try (XSSFWorkbook one = new XSSFWorkbook(new ByteArrayInputStream(
                f.otherUnit().getBytes(P + "/stats/breakdown.xlsx?year=" + YEAR + "&table=unit")))) {
            assertThat(one.getNumberOfSheets()).isEqualTo(1);
            Sheet units = one.getSheetAt(0);
            assertThat(units.getPhysicalNumberOfRows()).isEqualTo(2);
            assertThat(units.getRow(1).getCell(0).getStringCellValue()).isEqualTo(unit2Name);
            assertThat((long) units.getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(e.byUnit().get(String.valueOf(f.unit(2))).total);
        }
    }

    private static Row row(Sheet sheet, String first) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && first.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }

    private static long numberAt(Sheet sheet, String first, int column) {
        Cell cell = row(sheet, first).getCell(column);
        assertThat(cell.getCellType()).as(first).isEqualTo(CellType.NUMERIC);
        return (long) cell.getNumericCellValue();
    }

    @Test
    void theYearlyReportIsAChineseWordDocumentWithTheFigures() throws IOException {
        Counted e = count(p -> true);
        String committee = "测试区政协";
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                f.leaderCppcc().getBytes(P + "/stats/report.docx?year=" + YEAR)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(committee + YEAR + "年度提案工作报告");
            assertThat(all).contains(YEAR + "年，" + committee + "共收到提案" + e.all().total + "件，其中立案" + e.all().filed
                    + "件，不予立案" + e.all().notFiled + "件");
            assertThat(all).contains("确定重点提案" + e.all().key + "件");
            assertThat(all).contains("已答复提案" + e.all().replied + "件，其中按期答复" + e.all().onTime + "件，按期答复率"
                    + percent(rate(e.all().onTime, e.all().replied)));
            for (String c : e.all().classes.keySet()) {
                assertThat(all).contains(c + "类" + e.all().classes.get(c) + "件，占"
                        + percent(rate(e.all().classes.get(c), e.all().replied)));
            }
            assertThat(all).contains("对办理态度满意和基本满意的" + e.all().attOk + "件，满意率" + percent(rate(e.all().attOk, e.all().rated)));
            assertThat(all).contains("对办理结果满意和基本满意的" + e.all().resOk + "件，满意率" + percent(rate(e.all().resOk, e.all().rated)));
            assertThat(all).contains("逾期未答复的提案共" + e.overdue().size() + "件").contains(overdueTitle);
            assertThat(all).contains("经济发展").contains("生态环境").contains("教育科技").contains(unit0Name).contains(unit2Name);
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    private static String percent(Double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    // --- the dashboard ---

    private PageClient page(List<String> roles, Long memberId, Long unitId) {
        return new PageClient(port).signIn(TestSupport.account(f.admin, roles, memberId, unitId, Committee.PASSWORD)
                .username(), Committee.PASSWORD);
    }

    @Test
    void theDashboardShowsChartsTablesAndDownloads() throws IOException {
        Counted e = count(p -> true);
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null, null);
        assertThat(staff.get("/").body()).contains("<li><a href=\"/stats\"");
        PageClient.Page p = staff.get("/stats?year=" + YEAR);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("<h1>" + YEAR + "年提案统计</h1>")
                .contains("id=\"kpi-total\">" + e.all().total + "<")
                .contains("id=\"kpi-on-time\">" + percent(rate(e.all().onTime, e.all().replied)) + "<")
                .contains("/webjars/echarts/echarts.min.js").contains("/static/stats.js")
                .contains("id=\"chart-classes\"").contains("data-chart=")
                .contains("id=\"table-unit\"").contains("<th scope=\"row\">" + unit0Name + "</th>")
                .contains("href=\"/stats/report.docx?year=" + YEAR + "\"")
                .contains("href=\"/stats/tables.xlsx?year=" + YEAR + "&table=overdue\"")
                .contains(overdueTitle)
                .doesNotContain("<script>");
        assertThat(staff.get("/static/stats.js").status()).isEqualTo(200);
        HttpResponse<byte[]> xlsx = staff.download("/stats/tables.xlsx?year=" + YEAR + "&table=summary");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(numberAt(wb.getSheet("总体情况"), "提案总数", 1)).isEqualTo(e.all().total);
        }
        HttpResponse<byte[]> docx = staff.download("/stats/report.docx?year=" + YEAR);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains(".docx");

        // English
        assertThat(staff.get("/stats?year=" + YEAR + "&lang=en").body()).contains("Proposal statistics " + YEAR)
                .contains("By lead unit");
        staff.get("/stats?lang=zh-CN");
        // bad input: a field error, not a failure
        PageClient.Page bad = staff.get("/stats?year=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"year-error\"").contains("年份不正确");
    }

    @Test
    void theDashboardOfAUnitShowsItsOwnFiguresAndNoReport() {
        PageClient unit = page(List.of("UNIT_HANDLER"), null, f.unit(2));
        PageClient.Page p = unit.get("/stats?year=" + YEAR);
        assertThat(p.status()).isEqualTo(200);
        long own = count(c -> c.path("leadUnitId").asLong() == f.unit(2)).all().total;
        assertThat(p.body()).contains("本页仅显示本单位（" + unit2Name + "）").contains("id=\"kpi-total\">" + own + "<")
                .doesNotContain("<th scope=\"row\">" + unit0Name + "</th>").doesNotContain("/stats/report.docx");
        assertThat(unit.download("/stats/report.docx?year=" + YEAR).statusCode()).isEqualTo(403);
        PageClient member = page(List.of("MEMBER"), f.member(3), null);
        assertThat(member.get("/").body()).doesNotContain("href=\"/stats\"");
        assertThat(member.get("/stats?year=" + YEAR).status()).isEqualTo(403);
        assertThat(Objects.requireNonNull(member.download("/stats/tables.xlsx?year=" + YEAR)).statusCode()).isEqualTo(403);
    }
}
