package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ids;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/proposals: filters by status, unit, year and category, paging, and bad parameters.
 * The cases live in sessions of years no other test uses (2024 and 2025).
 */
class ListApiTest extends ProposalApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private long a1;
    private long a2;
    private long a3;
    private long b1;
    private long b2;

    @BeforeAll
    void buildCases() {
        long y2025 = f.newSession(2025);
        long y2024 = f.newSession(2024);
        a1 = f.caseIn(y2025, "FILED", false);
        a2 = draftIn(y2025, "教育科技");
        f.advance(a2, "ASSIGNED", false);
        a3 = f.caseIn(y2025, "SUBMITTED", false);
        b1 = f.caseIn(y2024, "FILED", false);
        ok(200, f.staff().post(P + "/" + b1 + "/assign", Map.of("leadUnitId", f.unit(2))));
        b2 = draftIn(y2024, "教育科技");
    }

    @Test
    void filtersByYearStatusCategoryAndUnit() {
        assertThat(list("year=2025")).containsExactly(a3, a2, a1);
        assertThat(list("year=2024")).containsExactly(b1);
        assertThat(list("year=2025&status=FILED")).containsExactly(a1);
        assertThat(list("year=2025&status=CLOSED")).isEmpty();
        assertThat(list("year=2025&category=教育科技")).containsExactly(a2);
        assertThat(list("year=2025&category=城乡建设")).containsExactly(a3, a1);
        assertThat(list("year=2025&unitId=" + f.unit(0))).containsExactly(a2);
        assertThat(list("year=2025&unitId=" + f.unit(1))).as("a co-unit's cases count").containsExactly(a2);
        assertThat(list("year=2024&unitId=" + f.unit(2) + "&status=ASSIGNED")).containsExactly(b1);
        assertThat(list("year=2023")).isEmpty();
        // a member's own drafts are in the member's list, in nobody else's
        assertThat(ids(ok(200, f.lead().get(P + "?year=2024")))).containsExactly(b2, b1);
        assertThat(ids(ok(200, f.lead().get(P + "?year=2024&status=DRAFT")))).containsExactly(b2);
    }

    /** Issue 15 point 7: B replies (列入计划逐步解决) are listed until the unit reports them done; with full-text too. */
    @Test
    void bRepliesAreListedUntilTheUnitReportsThemDone() {
        long y2022 = f.newSession(2022);
        long open = f.caseIn(y2022, "REPLIED", false); // replied B by the fixtures
        long done = f.caseIn(y2022, "REPLIED", false);
        long handling = f.caseIn(y2022, "IN_PROGRESS", false);
        ok(200, f.leadUnit().post(P + "/" + done + "/implementation-report", Map.of("content", "计划已全部落实")));

        assertThat(list("year=2022")).containsExactlyInAnyOrder(open, done, handling);
        assertThat(list("year=2022&replyCategory=B&implemented=false")).containsExactly(open);
        assertThat(list("year=2022&replyCategory=B&implemented=true")).containsExactly(done);
        assertThat(list("year=2022&replyCategory=B")).containsExactlyInAnyOrder(open, done);
        assertThat(list("year=2022&replyCategory=A")).isEmpty();
        // the unit sees its own open B replies; another unit none
        assertThat(ids(ok(200, f.leadUnit().get(P + "?year=2022&replyCategory=B&implemented=false")))).containsExactly(open);
        assertThat(ids(ok(200, f.otherUnit().get(P + "?year=2022&replyCategory=B&implemented=false")))).isEmpty();
        // the statistics count those still open
        assertThat(ok(200, f.staff().get(P + "/stats?year=2022")).path("bRepliesOpen").asLong()).isEqualTo(1);
        // combined with a full-text query, the same filter applies
        assertThat(list("year=2022&q=" + java.net.URLEncoder.encode(f.get(open).path("title").asString(),
                java.nio.charset.StandardCharsets.UTF_8) + "&replyCategory=B&implemented=false")).containsExactly(open);
    }

    @Test
    void filtersNeverWidenTheScope() {
        // another unit asking for the lead unit's cases gets none
        assertThat(ids(ok(200, f.otherUnit().get(P + "?year=2025&unitId=" + f.unit(0))))).isEmpty();
        assertThat(ids(ok(200, f.otherUnit().get(P + "?year=2024")))).containsExactly(b1);
        assertThat(ids(ok(200, f.leadUnit().get(P + "?year=2024")))).isEmpty();
        assertThat(ids(ok(200, f.other().get(P + "?year=2025&status=FILED")))).isEmpty();
    }

    @Test
    void pagesThroughTheList() {
        JsonNode first = ok(200, f.staff().get(P + "?year=2025&size=2&page=0"));
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(a3, a2);
        JsonNode second = ok(200, f.staff().get(P + "?year=2025&size=2&page=1"));
        assertThat(ids(second)).containsExactly(a1);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        JsonNode beyond = ok(200, f.staff().get(P + "?year=2025&size=2&page=5"));
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(3);
        JsonNode defaults = ok(200, f.staff().get(P + "?year=2025"));
        assertThat(defaults.path("size").asInt()).isEqualTo(20);
        assertThat(defaults.path("page").asInt()).isZero();
        ok(200, f.staff().get(P + "?size=200"));
        JsonNode item = first.path("items").get(0);
        for (String field : List.of("id", "number", "title", "category", "status", "leadProposer", "leadUnitId", "dueDate")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    /** Issue 16: "mine" is the member's own cases exactly (the scope is implied, not OR-ed in). */
    @Test
    void mineListsTheMembersOwnCasesOnly() {
        assertThat(ids(ok(200, f.lead().get(P + "?year=2024&mine=true")))).containsExactly(b2, b1);
        assertThat(ids(ok(200, f.lead().get(P + "?year=2024&mine=true&status=DRAFT")))).containsExactly(b2);
        assertThat(ids(ok(200, f.other().get(P + "?year=2024&mine=true")))).isEmpty();
    }

    /**
     * Issue 16: a counted total (here a member's own list) is exact up to the cap, then cap + 1 ("more than");
     * pages still read the right rows.
     */
    @Test
    void theTotalIsExactUpToTheCapThenCapPlusOne() throws Exception {
        // a term and year of their own: the shared context's other tests list their own years (ScopeApiTest 2027)
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", org.xieshang.support.TestSupport.unique("第三十届"),
                "startDate", "2038-01-01", "endDate", "2040-12-31"))).path("id").asLong();
        long y2039 = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第一次会议", "year", 2039,
                "startDate", "2039-01-10"))).path("id").asLong();
        List<Long> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, f.caseIn(y2039, "FILED", false));
        }
        Object lists = context.getBean(Class.forName("org.xieshang.proposal.internal.query.CappedLists"));
        ReflectionTestUtils.setField(lists, "cap", 3);
        try {
            JsonNode first = ok(200, f.lead().get(P + "?year=2039&mine=true&size=2&page=0"));
            assertThat(first.path("total").asLong()).as("more than 3").isEqualTo(4);
            assertThat(first.path("totalExact").asBoolean()).as("the count stopped at the cap").isFalse();
            assertThat(ids(first)).containsExactlyElementsOf(made.subList(0, 2));
            JsonNode second = ok(200, f.lead().get(P + "?year=2039&mine=true&size=2&page=1"));
            assertThat(ids(second)).containsExactlyElementsOf(made.subList(2, 4));
            JsonNode last = ok(200, f.lead().get(P + "?year=2039&mine=true&size=2&page=2"));
            assertThat(ids(last)).containsExactly(made.get(4));
            assertThat(last.path("total").asLong()).as("the last page knows the exact total").isEqualTo(5);
            assertThat(last.path("totalExact").asBoolean()).isTrue();
            // walked by cursor: the same rows, the count capped on every page
            JsonNode next = ok(200, f.lead().get(P + "?year=2039&mine=true&size=2&cursor=" + first.path("nextCursor").asString()));
            assertThat(ids(next)).containsExactlyElementsOf(made.subList(2, 4));
            assertThat(next.path("totalExact").asBoolean()).isFalse();
            // the staff's total comes from the statistics read model (ListTotals), exact whatever the cap
            JsonNode staff = ok(200, f.staff().get(P + "?year=2039&size=2"));
            assertThat(staff.path("total").asLong()).isEqualTo(5);
            assertThat(staff.path("totalExact").asBoolean()).isTrue();
        } finally {
            ReflectionTestUtils.setField(lists, "cap", 10_000);
        }
        assertThat(ok(200, f.lead().get(P + "?year=2039&mine=true&size=2")).path("total").asLong()).isEqualTo(5);
    }

    @Test
    void badParametersAre400WithTheField() {
        invalid(f.staff().get(P + "?size=201"), "size");
        invalid(f.staff().get(P + "?size=0"), "size");
        invalid(f.staff().get(P + "?page=-1"), "page");
        invalid(f.staff().get(P + "?status=UNKNOWN"), "status");
        invalid(f.staff().get(P + "?status=filed"), "status");
        invalid(f.staff().get(P + "?year=abc"), "year");
        invalid(f.staff().get(P + "?year=1800"), "year");
        invalid(f.staff().get(P + "?unitId=abc"), "unitId");
        invalid(f.staff().get(P + "?page=x&size=10"), "page");
        refused(401, f.admin.anonymous().get(P));
    }

    private List<Long> list(String query) {
        return ids(ok(200, f.staff().get(P + "?" + query)));
    }

    private long draftIn(long session, String category) {
        Map<String, Object> body = new HashMap<>(f.c.draft("按类别筛选的提案", List.of()));
        body.put("sessionId", session);
        body.put("category", category);
        return ok(201, f.lead().post(P, body)).path("id").asLong();
    }
}
