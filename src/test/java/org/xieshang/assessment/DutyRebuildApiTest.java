package org.xieshang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.assessment.AssessmentFixture.Person;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * The office's duty record rebuild (refused roles, bad input, a background job that runs to the
 * end, a second run adding nothing) and a social report's adoption being withdrawn (the duty
 * record entry stops counting, audited; a rebuild does not bring it back; a new adoption does).
 */
class DutyRebuildApiTest extends ApiTestBase {

    static final String REBUILDS = "/api/v1/assessment/rebuilds";

    static Res status(int expected, Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(expected);
        return res;
    }

    static void problem(int expected, Res res) {
        status(expected, res);
        assertThat(res.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOfficeRebuildsAPeriodInTheBackgroundAndASecondRunAddsNothing() {
        String today = LocalDate.now().toString();
        String start = LocalDate.now().withDayOfYear(1).toString();
        for (String role : new String[]{"PROPOSAL_STAFF", "LEADER_CPPCC", "LEADER_GOV", "MEMBER", "UNIT_HANDLER", "UNIT_HEAD"}) {
            Api other = Fixtures.signedIn(admin, role);
            problem(403, other.post(REBUILDS, Map.of("from", start, "to", today)));
            problem(403, other.get(REBUILDS));
        }
        problem(401, admin.anonymous().post(REBUILDS, Map.of("from", start, "to", today)));
        Res missing = admin.lang("en").post(REBUILDS, Map.of("to", today));
        problem(400, missing);
        assertThat(missing.body()).contains("\"from\"");
        problem(400, admin.post(REBUILDS, Map.of("from", today, "to", start.equals(today) ? "2000-01-01" : start)));
        problem(400, admin.post(REBUILDS, Map.of("from", today, "to", LocalDate.now().plusDays(1).toString())));
        problem(400, admin.post(REBUILDS, Map.of("from", "2001-01-01", "to", today)));
        problem(400, admin.post(REBUILDS, Map.of("from", "not-a-date", "to", today)));
        problem(404, admin.get(REBUILDS + "/999999"));

        JsonNode first = done(status(202, admin.post(REBUILDS, Map.of("from", start, "to", today))).json().path("id").asLong());
        assertThat(first.path("factsTotal").asInt()).isEqualTo(first.path("factsDone").asInt());
        JsonNode second = done(status(202, admin.post(REBUILDS, Map.of("from", start, "to", today))).json().path("id").asLong());
        assertThat(second.path("factsTotal").asInt()).isEqualTo(first.path("factsTotal").asInt());
        assertThat(second.path("entriesAfter").asInt()).isEqualTo(second.path("entriesBefore").asInt());
        assertThat(status(200, admin.get(REBUILDS)).json().path("items").get(0).path("id").asLong())
                .isEqualTo(second.path("id").asLong());
    }

    JsonNode done(long id) {
        long until = System.currentTimeMillis() + 30_000;
        JsonNode r;
        do {
            r = status(200, admin.get(REBUILDS + "/" + id)).json();
            if (!r.path("status").asString().equals("RUNNING")) {
                assertThat(r.path("status").asString()).as(r.toString()).isEqualTo("DONE");
                return r;
            }
            AssessmentFixture.sleep();
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("rebuild never finished: " + r);
    }

    @Test
    void aWithdrawnAdoptionLeavesTheDutyRecordAuditedAndARebuildKeepsItOut() {
        AssessmentFixture fx = new AssessmentFixture(admin);
        Person p = fx.member();
        String staffName = Fixtures.user(admin, "PROPOSAL_STAFF").get("username");
        Api staff = admin.login(staffName, Fixtures.USER_PASSWORD);
        long report = Fixtures.created(p.api().post("/api/v1/social-reports", Map.of("title", "学校门口交通拥堵",
                "content", "上下学时段车辆乱停，建议设置临时停车区。")));
        String path = "/api/v1/social-reports/" + report;
        String withdraw = path + "/withdraw-adoption";
        problem(409, staff.post(withdraw, Map.of("reason", "尚未采用")));
        status(200, staff.post(path + "/adopt", Map.of("level", "CITY")));
        JsonNode items = fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_ADOPTED") == 1);
        long entryId = -1;
        for (JsonNode i : items) {
            if (i.path("kind").asString().equals("SOCIAL_REPORT_ADOPTED")) {
                entryId = i.path("id").asLong();
            }
        }

        // refused: the office (ADMIN is not the proposal office), the author, leaders, units; bad input
        problem(403, admin.post(withdraw, Map.of("reason", "误采用")));
        problem(403, p.api().post(withdraw, Map.of("reason", "误采用")));
        problem(403, Fixtures.signedIn(admin, "LEADER_CPPCC").post(withdraw, Map.of("reason", "误采用")));
        assertThat(Fixtures.signedIn(admin, "UNIT_HANDLER").post(withdraw, Map.of("reason", "误采用")).status())
                .isIn(403, 404);
        problem(401, admin.anonymous().post(withdraw, Map.of("reason", "误采用")));
        Res blank = staff.lang("en").post(withdraw, Map.of("reason", " "));
        problem(400, blank);
        assertThat(blank.body()).contains("\"reason\"");
        problem(400, staff.post(withdraw, Map.of("reason", "长".repeat(2001))));
        problem(404, staff.post("/api/v1/social-reports/999999/withdraw-adoption", Map.of("reason", "误采用")));
        Map<String, Object> stale = new HashMap<>(Map.of("reason", "误采用", "version", 999));
        problem(409, staff.post(withdraw, stale));

        JsonNode back = status(200, staff.post(withdraw, Map.of("reason", "市级采用通知撤回"))).json();
        assertThat(back.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(back.path("level").isNull() || back.path("level").isMissingNode()).isTrue();
        problem(409, staff.post(withdraw, Map.of("reason", "再次撤销")));
        fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_ADOPTED") == 0
                && AssessmentFixture.count(i, "SOCIAL_REPORT_SUBMITTED") == 1);
        JsonNode audit = status(200, admin.get("/api/v1/audit/entries", Map.of("entityType", "DutyEntry",
                "entityId", entryId))).json().path("items");
        assertThat(audit.toString()).contains("FOLLOW").containsPattern("active[^,}]{0,4}:false");
        JsonNode reportAudit = status(200, admin.get("/api/v1/audit/entries", Map.of("entityType", "SocialReport",
                "entityId", report))).json().path("items");
        assertThat(reportAudit.toString()).contains("WITHDRAW_ADOPTION");

        // the office's rebuild follows the report as it is now: still not adopted
        String today = LocalDate.now().toString();
        status(201, admin.post(REBUILDS, Map.of("from", LocalDate.now().withDayOfYear(1).toString(), "to", today,
                "background", false)));
        assertThat(AssessmentFixture.count(status(200, admin.get("/api/v1/members/" + p.memberId() + "/duty-record"))
                .json().path("items"), "SOCIAL_REPORT_ADOPTED")).isZero();

        // adopted again (district this time): the same entry counts again
        status(200, staff.post(path + "/adopt", Map.of("level", "DISTRICT")));
        JsonNode again = fx.recordWhen(p.memberId(), i -> AssessmentFixture.count(i, "SOCIAL_REPORT_ADOPTED") == 1);
        for (JsonNode i : again) {
            if (i.path("kind").asString().equals("SOCIAL_REPORT_ADOPTED")) {
                assertThat(i.path("id").asLong()).isEqualTo(entryId);
                assertThat(i.path("level").asString()).isEqualTo("DISTRICT");
            }
        }

        // the same action on the report's page (the proposal office)
        PageClient browser = new PageClient(port).signIn(staffName, Fixtures.USER_PASSWORD);
        assertThat(browser.get("/social-reports/" + report).body()).contains("id=\"withdraw-form\"");
        assertThat(browser.post("/social-reports/" + report + "/withdraw-adoption", Map.of("reason", " ")).body())
                .contains("withdraw-reason-error");
        assertThat(browser.post("/social-reports/" + report + "/withdraw-adoption", Map.of("reason", "区级采用有误"))
                .status()).isEqualTo(302);
        assertThat(status(200, staff.get(path)).json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(browser.get("/social-reports/" + report).body()).doesNotContain("id=\"withdraw-form\"");
    }
}
