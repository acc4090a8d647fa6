package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.StatementCount;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: one case is read in a handful of SQL statements, whatever it holds — a count of the
 * statements prepared on the application's connections ({@link StatementCount}: Hibernate's and plain
 * JDBC alike), not a time. The count covers the whole request: the bearer token, the case and each
 * of its collections once, never one query per row.
 */
class CaseDetailStatementsTest extends ProposalApiTestBase {

    /**
     * The case row, then all its collections in one statement (CaseRows), the units' contacts; names,
     * settings, calendar and the units with accounts from caches (docs/reqcost.md).
     */
    private static final int MAX_DETAIL = 3;
    /** The case page: the detail plus its panels and actions, and the web session's own statements. */
    private static final int MAX_PAGE = 10;
    private static final String SETTINGS = P + "/settings";

    private long richCase;

    @BeforeAll
    void richCaseAndStatistics() {
        // a joint case with an attachment, split between units 0 and 1, the co-unit's part replied, reviewed and rated
        long id = f.draft(f.member(1));
        ok(201, f.lead().upload(P + "/" + id + "/attachments", "file", "调研报告.txt", "text/plain",
                "附件：调研数据\n".getBytes(StandardCharsets.UTF_8)));
        f.advance(id, "FILED", true);
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1)), "handlingMode", "SPLIT")));
        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "协办单位电话联系提案人")));
        ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), id, Map.of("category", "B", "content", "协办部分答复")));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(1))));
        Map<String, Object> rated = new java.util.HashMap<>(rating("SATISFIED", "SATISFIED"));
        rated.put("unitId", f.unit(1));
        ok(201, f.lead().post(P + "/" + id + "/evaluation", rated));
        ok(200, Cases.replySigned(f.leadUnit(), f.leadUnitHead(), id, Map.of("category", "A", "content", "主办部分答复")));
        richCase = id;
    }

    @Test
    void theDetailOfARichCaseTakesAHandfulOfStatementsForEveryone() {
        JsonNode p = ok(200, f.staff().get(P + "/" + richCase));
        assertThat(p.path("parts")).hasSize(2);
        assertThat(p.path("proposers")).hasSize(2);
        assertThat(p.path("coUnits")).hasSize(1);
        assertThat(p.path("attachments")).hasSize(1);
        assertThat(p.path("evaluations")).hasSize(1);
        assertThat(p.path("handlingRecords").size()).isGreaterThanOrEqualTo(2);
        assertThat(p.path("history").size()).isGreaterThan(8);
        for (Api who : List.of(f.staff(), f.leadUnit(), f.coUnit(), f.lead())) {
            int n = statements(() -> who.get(P + "/" + richCase).status());
            assertThat(n).as("statements of one case's detail").isLessThanOrEqualTo(MAX_DETAIL);
        }
    }

    @Test
    void aFiledCaseTakesTwo() {
        // the row, then proposers, attachments and history in one: nothing of handling is asked before a unit is assigned
        long id = f.draft(f.member(1));
        f.advance(id, "FILED", true);
        for (Api who : List.of(f.staff(), f.lead())) {
            assertThat(statements(() -> who.get(P + "/" + id).status())).as("statements of a filed case").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theCasePageTakesAFewMoreForItsPanels() {
        PageClient page = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        int n = statements(() -> page.get("/proposals/" + richCase).status());
        assertThat(n).as("statements of one case's page").isLessThanOrEqualTo(MAX_PAGE);
    }

    @Test
    void aBearerRequestTakesNoStatementOnceItsTokenIsKnown() {
        assertThat(statements(() -> f.staff().get("/api/v1/me").status())).isZero();
    }

    @Test
    void aRenamedUnitShowsItsNewNameAtOnce() {
        String name = TestSupport.unique("协办单位");
        ok(200, f.staff().get(P + "/" + richCase)); // the unit's name is cached now
        ok(200, admin.patch("/api/v1/units/" + f.unit(1), Map.of("name", name)));
        JsonNode p = ok(200, f.coUnit().get(P + "/" + richCase));
        assertThat(p.path("coUnits").get(0).path("name").asString()).isEqualTo(name);
        assertThat(p.path("parts").findValuesAsString("unitName")).contains(name);
    }

    @Test
    void aChangedSettingShowsAtOnce() {
        // the contact rule's day: N working days (a setting) after the lead unit accepted the case
        LocalDate due = LocalDate.parse(ok(200, f.staff().get(P + "/" + richCase)).path("contactDueDate").asString());
        @SuppressWarnings("unchecked")
        Map<String, Object> original = Api.JSON.convertValue(ok(200, admin.get(SETTINGS)), Map.class);
        Map<String, Object> changed = new java.util.HashMap<>(original);
        changed.put("meetWithinWorkingDays", ((Number) original.get("meetWithinWorkingDays")).intValue() + 5);
        try {
            ok(200, f.staff().put(SETTINGS, changed));
            LocalDate later = LocalDate.parse(ok(200, f.lead().get(P + "/" + richCase)).path("contactDueDate").asString());
            assertThat(later).isAfter(due);
        } finally {
            ok(200, admin.put(SETTINGS, original));
        }
        assertThat(ok(200, f.staff().get(P + "/" + richCase)).path("contactDueDate").asString()).isEqualTo(due.toString());
    }

    @Test
    void aChangedCalendarDayShowsAtOnce() {
        String due = ok(200, f.staff().get(P + "/" + richCase)).path("contactDueDate").asString(); // the calendar is cached now
        // the due day is an ordinary working day (no exception to restore afterwards)
        assertThat(ok(200, admin.get("/api/v1/calendar/days?year=" + due.substring(0, 4))).path("items")
                .findValuesAsString("date")).doesNotContain(due);
        ok(200, admin.put("/api/v1/calendar/days/" + due, Map.of("kind", "HOLIDAY", "name", "测试假日")));
        try {
            String later = ok(200, f.coUnit().get(P + "/" + richCase)).path("contactDueDate").asString();
            assertThat(LocalDate.parse(later)).isAfter(LocalDate.parse(due));
        } finally {
            assertThat(admin.delete("/api/v1/calendar/days/" + due).status()).isEqualTo(204);
        }
        assertThat(ok(200, f.staff().get(P + "/" + richCase)).path("contactDueDate").asString()).isEqualTo(due);
    }

    @Test
    void aRenamedMemberShowsTheNewNameAtOnce() {
        String name = TestSupport.unique("委员");
        ok(200, f.staff().get(P + "/" + richCase)); // the proposers' names are cached now
        ok(200, admin.patch("/api/v1/members/" + f.member(1), Map.of("name", name)));
        JsonNode p = ok(200, f.lead().get(P + "/" + richCase));
        assertThat(p.path("proposers").findValuesAsString("name")).contains(name);
    }

    /**
     * Statements of one request; the fewest of three, since work of earlier requests (event
     * listeners, the scheduler) may still be running and is counted by the same statistics.
     */
    private int statements(IntSupplier request) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = StatementCount.sofar();
            assertThat(request.getAsInt()).isEqualTo(200);
            fewest = (int) Math.min(fewest, StatementCount.sofar() - before);
        }
        System.out.println("statements: " + fewest);
        return fewest;
    }
}
