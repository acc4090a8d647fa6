package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;
import static org.xieshang.proposal.SubmissionApiTest.last;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** Assignment to units, objections to it (退办), acceptance, and extension of the due date. */
class AssignmentApiTest extends ProposalApiTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    // --- POST /{id}/assign ---

    @Test
    void staffAssignALeadUnitAndCoUnitsWithADefaultDueDate() {
        long id = f.caseIn("FILED");
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1), f.unit(2)))));

        expectStatus(p, "ASSIGNED");
        assertThat(p.path("leadUnitId").asLong()).isEqualTo(f.unit(0));
        assertThat(List.of(p.path("coUnitIds").get(0).asLong(), p.path("coUnitIds").get(1).asLong()))
                .containsExactly(f.unit(1), f.unit(2));
        assertThat(p.path("handlingMode").asString()).isEqualTo("JOINT");
        assertThat(p.path("assignedOn").asString()).isEqualTo(LocalDate.now().toString());
        // three months on, moved to a working day at most a few days later
        LocalDate due = LocalDate.parse(p.path("dueDate").asString());
        LocalDate threeMonths = LocalDate.now().plusMonths(3);
        assertThat(due).isBetween(threeMonths, threeMonths.plusDays(10));
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("ASSIGN");
        assertThat(move.path("fromStatus").asString()).isEqualTo("FILED");
        assertThat(move.path("note").asString()).contains(due.toString());
        // the units see it now
        ok(200, f.leadUnit().get(P + "/" + id));
        ok(200, f.coUnit().get(P + "/" + id));
        ok(200, f.otherUnit().get(P + "/" + id));
    }

    @Test
    void aSoleAssignmentWithAChosenDueDate() {
        long id = f.caseIn("FILED");
        LocalDate due = LocalDate.now().plusMonths(2);
        JsonNode p = ok(200, f.admin.post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0), "dueDate", due.toString())));
        assertThat(p.path("handlingMode").asString()).isEqualTo("SOLE");
        assertThat(p.path("dueDate").asString()).isEqualTo(due.toString());
        assertThat(p.path("coUnitIds")).isEmpty();
    }

    @Test
    void onlyStaffAssign() {
        long filed = f.caseIn("FILED", true);
        Map<String, Object> body = Map.of("leadUnitId", f.unit(0));
        for (Api who : List.of(f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + filed + "/assign", body));
        }
        for (Api who : List.of(f.other(), f.leaderGov(), f.leadUnit())) {
            refused(404, who.post(P + "/" + filed + "/assign", body));
        }
        refused(404, f.staff().post(P + "/99999999/assign", body));
        // once assigned, the units see the case but may not re-assign it themselves
        long assigned = f.caseIn("ASSIGNED");
        Map<String, Object> toOther = Map.of("leadUnitId", f.unit(2));
        for (Api who : List.of(f.leadUnit(), f.leadUnitHead(), f.coUnit())) {
            refused(403, who.post(P + "/" + assigned + "/assign", toOther));
        }
        refused(404, f.otherUnit().post(P + "/" + assigned + "/assign", toOther));
        assertThat(f.get(assigned).path("leadUnitId").asLong()).isEqualTo(f.unit(0));
    }

    @Test
    void assignmentRejectsBadInput() {
        long id = f.caseIn("FILED");
        String path = P + "/" + id + "/assign";
        invalid(f.staff().post(path, Map.of()), "leadUnitId");
        invalid(f.staff().post(path, Map.of("leadUnitId", 99999999L)), "leadUnitId");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(0)))), "coUnitIds");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(99999999L))), "coUnitIds");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "dueDate", LocalDate.now().toString())), "dueDate");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "dueDate", LocalDate.now().plusMonths(7).toString())),
                "dueDate");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "dueDate", "2026-13-45")), "dueDate");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(1)), "handlingMode", "SOLE")),
                "handlingMode");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "handlingMode", "SPLIT")), "coUnitIds");
        invalid(f.staff().post(path, Map.of("leadUnitId", f.unit(0), "handlingMode", "ALONE")), "handlingMode");
        invalid(f.staff().post(path, Map.of("leadUnitId", "unit")), "leadUnitId");
        expectStatus(f.get(id), "FILED");
    }

    @Test
    void assignmentOnlyFromFiledOrAssigned() {
        wrongState(f.staff().post(P + "/" + f.caseIn("SUBMITTED") + "/assign", Map.of("leadUnitId", f.unit(0))), "已提交");
        wrongState(f.staff().post(P + "/" + f.caseIn("IN_PROGRESS") + "/assign", Map.of("leadUnitId", f.unit(3))), "办理中");
    }

    // --- POST /{id}/reassignment-requests, then assign again ---

    @Test
    void aUnitObjectsAndStaffAssignAgainAndTheFormerUnitsLoseAccess() {
        long id = f.caseIn("ASSIGNED");
        JsonNode p = ok(201, f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "不属于本单位职责")));
        expectStatus(p, "ASSIGNED");
        JsonNode request = p.path("reassignmentRequests").get(0);
        assertThat(request.path("unitId").asLong()).isEqualTo(f.unit(0));
        assertThat(request.path("reason").asString()).isEqualTo("不属于本单位职责");
        assertThat(request.path("resolvedAt").isNull()).isTrue();
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("REQUEST_REASSIGNMENT");

        p = ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(3))));
        expectStatus(p, "ASSIGNED");
        assertThat(p.path("leadUnitId").asLong()).isEqualTo(f.unit(3));
        assertThat(p.path("coUnitIds")).isEmpty();
        assertThat(p.path("reassignmentRequests").get(0).path("resolvedAt").isNull()).isFalse();
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("REASSIGN");
        refused(404, f.leadUnit().get(P + "/" + id));
        refused(404, f.leadUnitHead().get(P + "/" + id));
        refused(404, f.coUnit().get(P + "/" + id));
        ok(200, f.newUnit().get(P + "/" + id));
        refused(404, f.leadUnit().post(P + "/" + id + "/accept", Map.of()));
        // the new unit has its own window to object
        ok(201, f.newUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "也不属于本单位")));
    }

    @Test
    void onlyTheLeadUnitObjects() {
        long id = f.caseIn("ASSIGNED", true);
        Map<String, Object> body = Map.of("reason", "不属于本单位职责");
        for (Api who : List.of(f.coUnit(), f.staff(), f.admin, f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/reassignment-requests", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/reassignment-requests", body));
        }
        refused(404, f.leadUnit().post(P + "/99999999/reassignment-requests", body));
        invalid(f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of()), "reason");
        invalid(f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "  ")), "reason");
        assertThat(f.get(id).path("reassignmentRequests")).isEmpty();
        // the unit head speaks for the unit too
        ok(201, f.leadUnitHead().post(P + "/" + id + "/reassignment-requests", body));
    }

    @Test
    void oneOpenObjectionAtATime() {
        long id = f.caseIn("ASSIGNED");
        ok(201, f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "第一次")));
        JsonNode second = refused(409, f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "第二次")));
        assertThat(second.path("detail").asString()).contains("退办申请");
        assertThat(f.get(id).path("reassignmentRequests")).hasSize(1);
    }

    @Test
    void anObjectionComesWithinSevenWorkingDays() {
        LocalDate today = LocalDate.now();
        Api unit = f.leadUnit();
        JsonNode calendar = ok(200, unit.get("/api/v1/calendar/working-days?from=" + today + "&days=-7"));
        boolean todayWorks = calendar.path("fromIsWorkingDay").asBoolean();

        long inTime = f.caseIn("ASSIGNED");
        assignedOn(inTime, LocalDate.parse(calendar.path("date").asString()));
        ok(201, unit.post(P + "/" + inTime + "/reassignment-requests", Map.of("reason", "第七个工作日")));

        long late = f.caseIn("ASSIGNED");
        LocalDate tooOld = LocalDate.parse(ok(200, unit.get("/api/v1/calendar/working-days?from=" + today + "&days="
                + (todayWorks ? -8 : -9))).path("date").asString());
        assignedOn(late, tooOld);
        JsonNode refusal = refused(409, unit.post(P + "/" + late + "/reassignment-requests", Map.of("reason", "太晚了")));
        assertThat(refusal.path("detail").asString()).contains("7");

        long longAgo = f.caseIn("ASSIGNED");
        assignedOn(longAgo, today.minusMonths(1));
        refused(409, unit.post(P + "/" + longAgo + "/reassignment-requests", Map.of("reason", "太晚了")));
        assertThat(f.get(longAgo).path("reassignmentRequests")).isEmpty();
    }

    @Test
    void noObjectionOnceHandlingStarted() {
        long id = f.caseIn("IN_PROGRESS");
        wrongState(f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "晚了")), "办理中");
    }

    // --- POST /{id}/accept ---

    @Test
    void theLeadUnitAcceptsOnce() {
        long id = f.caseIn("ASSIGNED");
        JsonNode p = ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of()));
        expectStatus(p, "IN_PROGRESS");
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("ACCEPT");
        assertThat(move.path("fromStatus").asString()).isEqualTo("ASSIGNED");
        assertThat(move.path("toStatus").asString()).isEqualTo("IN_PROGRESS");
        wrongState(f.leadUnit().post(P + "/" + id + "/accept", Map.of()), "办理中");

        long byHead = f.caseIn("ASSIGNED");
        expectStatus(ok(200, f.leadUnitHead().post(P + "/" + byHead + "/accept", Map.of())), "IN_PROGRESS");
    }

    @Test
    void onlyTheLeadUnitAccepts() {
        long id = f.caseIn("ASSIGNED", true);
        for (Api who : List.of(f.coUnit(), f.staff(), f.admin, f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/accept", Map.of()));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/accept", Map.of()));
        }
        refused(404, f.leadUnit().post(P + "/99999999/accept", Map.of()));
        expectStatus(f.get(id), "ASSIGNED");
    }

    // --- POST /{id}/due-date ---

    @Test
    void staffExtendTheDueDateUpToSixMonths() {
        long id = f.caseIn("IN_PROGRESS");
        LocalDate later = LocalDate.now().plusMonths(5);
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/due-date", Map.of("dueDate", later.toString(), "reason", "需跨年度预算")));
        assertThat(p.path("dueDate").asString()).isEqualTo(later.toString());
        assertThat(last(p.path("history")).path("note").asString()).isEqualTo(later + "：需跨年度预算");

        invalid(f.staff().post(P + "/" + id + "/due-date", Map.of()), "dueDate");
        invalid(f.staff().post(P + "/" + id + "/due-date", Map.of("dueDate", later.minusDays(1).toString())), "dueDate");
        invalid(f.staff().post(P + "/" + id + "/due-date", Map.of("dueDate", LocalDate.now().plusMonths(6).plusDays(1).toString())),
                "dueDate");
        invalid(f.staff().post(P + "/" + id + "/due-date", Map.of("dueDate", "soon")), "dueDate");
        ok(200, f.staff().post(P + "/" + id + "/due-date", Map.of("dueDate", LocalDate.now().plusMonths(6).toString())));
    }

    @Test
    void onlyStaffExtendAndOnlyWhileHandling() {
        long id = f.caseIn("ASSIGNED", true);
        Map<String, Object> body = Map.of("dueDate", LocalDate.now().plusMonths(4).toString());
        for (Api who : List.of(f.leadUnit(), f.leadUnitHead(), f.coUnit(), f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/due-date", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/due-date", body));
        }
        refused(404, f.staff().post(P + "/99999999/due-date", body));
        wrongState(f.staff().post(P + "/" + f.caseIn("FILED") + "/due-date", body), "已立案");
        wrongState(f.staff().post(P + "/" + f.caseIn("CLOSED") + "/due-date", body), "已办结");
    }

    private void assignedOn(long id, LocalDate date) {
        assertThat(jdbc.update("update proposal set assigned_on = ? where id = ?", date, id)).isEqualTo(1);
    }
}
