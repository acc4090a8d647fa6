package org.xieshang.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The demo committee of the README's run command: its accounts sign in, and each finds work
 * waiting — proposals in every state of the workflow, a key proposal with its leaders, a bulletin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD,
        // the server's zone, as the tests' own LocalDate.now() (production defaults to Asia/Shanghai)
        "xieshang.zone=",
        "xieshang.committee-name=示范区政协",
        "xieshang.demo=true",
        "logging.level.xieshang.request=warn"
})
class DemoCommitteeTest {

    private static final String PASSWORD = "demo2026";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void everyDemoAccountFindsItsWork() {
        Api staff = new Api(port).login("staff", PASSWORD);
        JsonNode all = staff.get("/api/v1/proposals?size=100").json();
        // the member's draft is theirs alone; a reply waits for the unit head's signature; one split case;
        // one case rehandled and closed, one being rehandled (issue 17 point 13)
        assertThat(all.path("total").asLong()).isEqualTo(17);
        Map<String, Long> expected = Map.of("SUBMITTED", 2L, "NOT_FILED", 1L, "FILED", 1L, "ASSIGNED", 1L,
                "IN_PROGRESS", 3L, "REPLY_REVIEW", 2L, "REPLIED", 1L, "REHANDLING", 1L, "CLOSED", 5L);
        expected.forEach((status, n) -> assertThat(staff.get("/api/v1/proposals?size=100&status=" + status).json()
                .path("total").asLong()).as(status).isEqualTo(n));
        JsonNode stats = staff.get("/api/v1/proposals/stats?year=" + LocalDate.now().getYear()).json();
        assertThat(stats.path("byStatus").path("CLOSED").asLong()).isEqualTo(5);

        // the closed cases are published: anyone reads them and their replies
        assertThat(new Api(port).get("/api/v1/public/proposals").json().path("total").asLong()).isEqualTo(5);

        assertThat(page("staff").get("/").body()).contains("件提案待立案审查").contains("件已立案提案待交办").contains("件答复待审核");
        assertThat(page("member").get("/").body()).contains("件答复待测评");
        assertThat(page("handler").get("/").body()).contains("件交办提案待接收").contains("件提案办理中");
        PageClient govLeader = page("govleader");
        assertThat(govLeader.get("/").body()).contains("期简讯待阅批").contains("件领办、督办的重点提案在办");
        assertThat(govLeader.get("/key-proposals").body()).contains("关于加快老旧小区加装电梯的建议").contains("我领办");
        assertThat(govLeader.get("/bulletins").body()).contains("提案要点：老旧小区加装电梯与农村污水治理").contains("未读");
        // the adopted demo reports came to the leaders as 社情民意专报 bulletins
        assertThat(govLeader.get("/bulletins").body()).contains("农产品冷链物流短板问题亟待解决");
        assertThat(page("leader").get("/key-proposals?mine=true").body()).contains("关于加快老旧小区加装电梯的建议")
                .contains("我督办").contains("1 次督办");
    }

    @Test
    void theFirstSignInIsNotFloodedWithNoticesAboutClosedCases() {
        java.util.Set<String> closed = new java.util.HashSet<>();
        new Api(port).login("staff", PASSWORD).get("/api/v1/proposals?size=100&status=CLOSED").json().path("items")
                .forEach(p -> closed.add("/proposals/" + p.path("id").asLong()));
        assertThat(closed).hasSize(5);
        for (String account : java.util.List.of("member", "handler", "staff", "unithead")) {
            java.util.List<String> unread = new java.util.ArrayList<>();
            new Api(port).login(account, PASSWORD).get("/api/v1/notifications?unread=true&size=100").json().path("items")
                    .forEach(n -> unread.add(n.path("link").asString()));
            assertThat(unread).as(account).noneMatch(closed::contains);
        }
        // what is still to do stays: the member's reply waiting for a rating
        assertThat(new Api(port).login("member", PASSWORD).get("/api/v1/notifications/unread-count").json()
                .path("unread").asLong()).isPositive();
    }

    /** Issue 17 point 13: the cases were acted out over the year, not all today. */
    @Test
    void theCasesSpreadOverTheYearWithOverdueRehandledLateAndUnsatisfiedOnes() {
        Api staff = new Api(port).login("staff", PASSWORD);
        LocalDate today = LocalDate.now();
        java.util.Set<java.time.YearMonth> submitted = new java.util.TreeSet<>();
        int rehandled = 0;
        for (JsonNode item : staff.get("/api/v1/proposals?size=100").json().path("items")) {
            JsonNode detail = staff.get("/api/v1/proposals/" + item.path("id").asLong()).json();
            JsonNode history = detail.path("history");
            java.util.List<java.time.Instant> at = new java.util.ArrayList<>();
            history.forEach(h -> at.add(java.time.Instant.parse(h.path("at").asString())));
            assertThat(at).as("history in order, none in the future").isSorted()
                    .allMatch(i -> !i.isAfter(java.time.Instant.now()));
            submitted.add(java.time.YearMonth.from(at.get(0).atZone(java.time.ZoneId.systemDefault())));
            long replies = 0;
            boolean sentBack = false;
            for (JsonNode h : history) {
                replies += "REPLY_REVIEW".equals(h.path("toStatus").asString())
                        && !"REPLY_REVIEW".equals(h.path("fromStatus").asString()) ? 1 : 0;
                sentBack |= "REHANDLING".equals(h.path("toStatus").asString());
            }
            if (sentBack && replies == 2 && detail.path("status").asString().equals("CLOSED")) {
                rehandled++;
            }
        }
        assertThat(submitted).as("months the cases were drafted in").hasSizeGreaterThanOrEqualTo(6);
        assertThat(rehandled).as("cases rated unsatisfied, rehandled, replied to again and closed").isEqualTo(1);

        JsonNode stats = staff.get("/api/v1/proposals/stats?year=" + today.getYear()).json();
        assertThat(stats.path("overdue").size()).as("open cases past their due date").isGreaterThanOrEqualTo(2);
        stats.path("overdue").forEach(o -> assertThat(LocalDate.parse(o.path("dueDate").asString())).isBefore(today));
        // rates are fractions (0.8125 is 81.25%): some replies came late, some proposers were not satisfied
        assertThat(stats.path("repliedOnTime").asLong()).isPositive().isLessThan(stats.path("replied").asLong());
        assertThat(stats.path("onTimeReplyRate").asDouble()).isGreaterThan(0).isLessThan(1);
        assertThat(stats.path("resultSatisfied").asLong()).isPositive().isLessThan(stats.path("rated").asLong());
        assertThat(stats.path("satisfactionRate").asDouble()).isGreaterThan(0).isLessThan(1);
        // the overdue case shows as such (marked) on its unit's home
        assertThat(page("handler").get("/").body())
                .containsPattern("class=\"warn\"><a href=\"/proposals/\\d+\">[^<]*关于加强中小学生心理健康教育的建议");
    }

    /**
     * The back-dated cases' reminders were planned on their past days and go out at the first polls
     * of the scheduler: once per overdue case (the chase goes on from today, not in a burst), so
     * nobody's inbox is flooded and closed cases stay quiet.
     */
    @Test
    void theRemindersOfThePastGoOutOnceWithoutAFlood() throws InterruptedException {
        String due = "select count(*) from scheduled_tasks where task_name = 'proposal-reminder' and execution_time < ?";
        long until = System.currentTimeMillis() + 60_000;
        while (jdbc.queryForObject(due, Long.class, java.sql.Timestamp.from(java.time.Instant.now())) > 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertThat(jdbc.queryForObject(due, Long.class, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))))
                .as("reminders of the past still waiting").isZero();
        assertThat(jdbc.queryForObject("select count(distinct proposal_id) from proposal_reminder where kind = 'OVERDUE'",
                Long.class)).as("overdue cases chased").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select max(n) from (select count(*) n from proposal_reminder"
                + " group by proposal_id, kind) x", Long.class)).as("reminders of one kind per case").isEqualTo(1);
        java.util.Set<String> closed = new java.util.HashSet<>();
        new Api(port).login("staff", PASSWORD).get("/api/v1/proposals?size=100&status=CLOSED").json().path("items")
                .forEach(p -> closed.add("/proposals/" + p.path("id").asLong()));
        // what the reminders told each account: a few notices, not dozens
        java.util.List<Long> perUser = jdbc.queryForList("select count(*) from notification where message_key like"
                + " 'proposal.reminder.%' group by user_id", Long.class);
        assertThat(perUser).as("reminder notices per account").isNotEmpty().allMatch(n -> n <= 4);
        for (String account : java.util.List.of("member", "handler", "staff", "unithead", "leader", "govleader")) {
            new Api(port).login(account, PASSWORD).get("/api/v1/notifications?unread=true&size=100").json().path("items")
                    .forEach(n -> assertThat(closed).as(account).doesNotContain(n.path("link").asString()));
        }
    }

    @Test
    void lastYearsEvaluationIsPublishedThisYearsInVotingTownshipsAssessedForTwoYears() {
        Api admin = new Api(port).login("admin", TestSupport.ADMIN_PASSWORD);
        JsonNode evaluations = admin.get("/api/v1/evaluations").json().path("items");
        assertThat(evaluations).hasSize(2);
        assertThat(evaluations.get(0).path("year").asInt()).isEqualTo(2026);
        assertThat(evaluations.get(0).path("status").asString()).isEqualTo("VOTING");
        assertThat(evaluations.get(1).path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode results = new Api(port).get("/api/v1/evaluations/" + evaluations.get(1).path("id").asLong() + "/results").json();
        assertThat(results.path("ranking")).hasSize(3);
        assertThat(results.path("ranking").get(0).path("topTen").asBoolean()).isTrue();
        assertThat(new Api(port).get("/api/v1/evaluations/" + evaluations.get(0).path("id").asLong() + "/results").status())
                .isEqualTo(404);
        // no unit twice in the term
        JsonNode thisYear = admin.get("/api/v1/evaluations/" + evaluations.get(0).path("id").asLong()).json();
        JsonNode lastYear = admin.get("/api/v1/evaluations/" + evaluations.get(1).path("id").asLong()).json();
        java.util.Set<Long> units = new java.util.HashSet<>();
        thisYear.path("units").forEach(u -> units.add(u.path("unitId").asLong()));
        lastYear.path("units").forEach(u -> assertThat(units.add(u.path("unitId").asLong())).isTrue());
        assertThat(admin.get("/api/v1/township-assessments").json().path("items")).hasSize(2);
        assertThat(admin.get("/api/v1/township-assessments/chart").json().path("years").toString()).isEqualTo("[2025,2026]");
    }

    @Test
    void twentySocialReportsInEveryStateOneWithALeadersComment() throws InterruptedException {
        Api staff = new Api(port).login("staff", PASSWORD);
        // the converted not-filed proposal becomes a report after the demo's transaction commits
        long until = System.currentTimeMillis() + 30_000;
        while (staff.get("/api/v1/social-reports?size=100").json().path("total").asLong() < 20
                && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertThat(staff.get("/api/v1/social-reports?size=100").json().path("total").asLong()).isEqualTo(20);
        Map.of("SUBMITTED", 6L, "ADOPTED", 10L, "NOT_ADOPTED", 4L).forEach((status, n) -> assertThat(staff
                .get("/api/v1/social-reports?size=100&status=" + status).json().path("total").asLong()).as(status).isEqualTo(n));
        long commented = 0;
        for (JsonNode r : staff.get("/api/v1/social-reports?size=100").json().path("items")) {
            commented += r.path("comments").asLong() > 0 ? 1 : 0;
        }
        assertThat(commented).isEqualTo(1);
        // written over the year, not all today (issue 17 point 13)
        java.util.Set<java.time.YearMonth> months = new java.util.HashSet<>();
        staff.get("/api/v1/social-reports?size=100").json().path("items").forEach(r -> months.add(
                java.time.YearMonth.from(LocalDate.parse(r.path("submittedOn").asString()))));
        assertThat(months).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page("member").get("/social-reports/mine").body()).contains("学校周边上下学时段交通拥堵问题亟待解决")
                .contains("关于农村生活污水治理设施运行的反映");
        assertThat(page("govleader").get("/social-reports").body()).contains("共 10 条").contains("1 条批示");
        assertThat(page("staff").get("/social-reports/figures").body()).contains("社情民意信息统计");
        assertThat(page("staff").get("/").body()).contains("条社情民意信息待处理");
    }

    @Test
    void theDemoYearOfActivitiesHasAttendanceLeavesAbsencesAndSpeeches() {
        Api admin = new Api(port).login("admin", TestSupport.ADMIN_PASSWORD);
        JsonNode list = admin.get("/api/v1/activities?size=100").json();
        assertThat(list.path("total").asLong()).isEqualTo(16);
        java.util.Set<String> types = new java.util.HashSet<>();
        java.util.Map<String, Long> statuses = new java.util.HashMap<>();
        long speeches = 0;
        long minutes = 0;
        for (JsonNode a : list.path("items")) {
            types.add(a.path("type").asString());
            long id = a.path("id").asLong();
            for (JsonNode i : admin.get("/api/v1/activities/" + id + "/attendance").json().path("items")) {
                statuses.merge(i.path("status").asString(), 1L, Long::sum);
            }
            speeches += admin.get("/api/v1/activities/" + id + "/speeches").json().path("items").size();
            for (JsonNode o : admin.get("/api/v1/activities/" + id + "/outcomes").json().path("items")) {
                minutes += o.path("kind").asString().equals("MINUTES") ? 1 : 0;
            }
        }
        assertThat(types).containsExactlyInAnyOrder("PLENARY", "STANDING_COMMITTEE_MEETING", "INSPECTION", "RESEARCH",
                "CONSULTATION", "STUDY", "STUDIO", "OTHER");
        assertThat(statuses.get("PRESENT")).isGreaterThan(300);
        assertThat(statuses.get("ON_LEAVE")).isGreaterThan(10);
        assertThat(statuses.get("ABSENT")).isGreaterThan(10);
        assertThat(speeches).isGreaterThanOrEqualTo(7);
        assertThat(minutes).as("the plenary session's minutes").isEqualTo(1);
        // the demo member sees an upcoming activity on the phone
        assertThat(new Api(port).login("member", PASSWORD).get("/api/v1/activities/mine").json().path("items")).isNotEmpty();
    }

    @Test
    void theDemoYearIsAssessedWithAWarningAndAnApprovedResignation() {
        Api admin = new Api(port).login("admin", TestSupport.ADMIN_PASSWORD);
        JsonNode runs = admin.get("/api/v1/assessment/runs").json().path("items");
        assertThat(runs).hasSize(1);
        JsonNode run = admin.get("/api/v1/assessment/runs/" + runs.get(0).path("id").asLong()).json();
        assertThat(run.path("status").asString()).isEqualTo("DONE");
        assertThat(run.path("results").size()).isGreaterThan(190);
        // attendance came into the duty record: somebody has plenary points, and grades differ
        assertThat(run.path("results").findValues("grade").stream().map(JsonNode::asString).distinct().count())
                .isGreaterThan(1);
        assertThat(admin.get("/api/v1/assessment/rules?year=" + LocalDate.now().getYear()).json().path("defaults")
                .asBoolean()).isFalse();
        JsonNode members = admin.get("/api/v1/members?size=200").json().path("items");
        java.util.Map<String, Long> statuses = new java.util.HashMap<>();
        members.forEach(m -> statuses.merge(m.path("status").asString(), 1L, Long::sum));
        assertThat(statuses.get("WARNED")).isEqualTo(1);
        assertThat(statuses.get("RESIGNED")).isEqualTo(1);
        int year = LocalDate.now().getYear();
        JsonNode figures = admin.get("/api/v1/assessment/figures?from=" + year + "-01-01&to=" + year + "-12-31").json();
        assertThat(figures.path("resignationsApproved").asLong()).isEqualTo(1);
        assertThat(figures.path("warnings").asLong()).isEqualTo(1);
        assertThat(page("member").get("/assessment/mine").body()).contains("合格线");
    }

    @Test
    void healthAndReadinessSayUpOnlyWithTheDemoSeededAndSignInThenWorks() {
        Api anonymous = new Api(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            Api.Res res = anonymous.get(path);
            assertThat(res.status()).as(path).isEqualTo(200);
            assertThat(res.json().path("status").asString()).as(path).isEqualTo("UP");
        }
        assertThat(new Api(port).login("admin", TestSupport.ADMIN_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(new Api(port).login("staff", PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    private PageClient page(String username) {
        return new PageClient(port).signIn(username, PASSWORD);
    }
}
