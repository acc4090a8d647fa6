package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;
import static org.xieshang.proposal.Cases.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Statistics of a year no other test uses: the test builds cases in every interesting state,
 * then counts the figures itself from the cases' details (as docs/decisions-stats.md defines
 * them) and compares them with the service's answer.
 */
class ProposalStatsApiTest extends ProposalApiTestBase {

    private static final int YEAR = 2043;

    @Autowired
    private JdbcTemplate jdbc;

    private final List<Long> all = new ArrayList<>();
    private long overdueCase;

    @BeforeAll
    void buildCases() {
        // a term of its own, whose year no other test uses
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", org.xieshang.support.TestSupport.unique("第二十届"),
                "startDate", "2042-01-01", "endDate", "2046-12-31"))).path("id").asLong();
        long s = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第二次会议", "year", YEAR,
                "startDate", YEAR + "-01-10"))).path("id").asLong();
        all.add(f.draftIn(s));
        long withdrawn = f.draftIn(s);
        ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of()));
        all.add(withdrawn);
        all.add(f.caseIn(s, "SUBMITTED", false));
        long notFiled = f.caseIn(s, "SUBMITTED", false);
        ok(200, f.staff().post(P + "/" + notFiled + "/review", Map.of("decision", "NOT_FILE", "reason", "内容空泛，无具体建议")));
        all.add(notFiled);
        all.add(f.caseIn(s, "FILED", false));
        all.add(f.caseIn(s, "ASSIGNED", false));
        overdueCase = f.caseIn(s, "IN_PROGRESS", false);
        jdbc.update("update proposal set due_date = ? where id = ?", LocalDate.now().minusDays(5), overdueCase);
        all.add(overdueCase);
        all.add(f.caseIn(s, "REPLY_REVIEW", false));
        all.add(f.caseIn(s, "REPLIED", true));
        all.add(f.caseIn(s, "CLOSED", false));
        // a late A reply, basically satisfied with an unsatisfied attitude
        long late = replied(s, "A", LocalDate.now().minusDays(1));
        expectStatus(ok(201, f.lead().post(P + "/" + late + "/evaluation", rating("UNSATISFIED", "BASICALLY_SATISFIED"))), "CLOSED");
        all.add(late);
        // a C reply the lead proposer is unsatisfied with (rehandling), rated also by the co-signer
        long unhappy = replied(s, "C", null);
        ok(201, f.cosigner().post(P + "/" + unhappy + "/evaluation", rating("SATISFIED", "SATISFIED")));
        expectStatus(ok(201, f.lead().post(P + "/" + unhappy + "/evaluation", rating("SATISFIED", "UNSATISFIED"))), "REHANDLING");
        all.add(unhappy);
        // rehandled, replied again and closed
        long again = replied(s, "B", null);
        ok(201, f.lead().post(P + "/" + again + "/evaluation", rating("BASICALLY_SATISFIED", "UNSATISFIED")));
        f.replyAgain(again, "A");
        expectStatus(ok(201, f.lead().post(P + "/" + again + "/evaluation", rating("SATISFIED", "SATISFIED"))), "CLOSED");
        all.add(again);
        long key = f.caseIn(s, "FILED", false);
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of()));
        all.add(key);
    }

    /** A joint case replied in the given class and approved; with a due date set (before approval) when given. */
    private long replied(long session, String category, LocalDate due) {
        long id = f.caseIn(session, "IN_PROGRESS", true);
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        ok(200, f.replySigned(id, Map.of("category", category, "content", "答复内容")));
        if (due != null) {
            jdbc.update("update proposal set due_date = ? where id = ?", due, id);
        }
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
        return id;
    }

    @Test
    void figuresMatchACountOfTheRawCases() {
        long total = 0;
        long replied = 0;
        long onTime = 0;
        long rated = 0;
        long resultOk = 0;
        long attitudeOk = 0;
        long key = 0;
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Long> classes = new HashMap<>(Map.of("A", 0L, "B", 0L, "C", 0L));
        List<Long> overdue = new ArrayList<>();
        Set<String> content = Set.of("SATISFIED", "BASICALLY_SATISFIED");
        for (long id : all) {
            JsonNode p = ok(200, f.lead().get(P + "/" + id));
            String status = p.path("status").asString();
            if (Set.of("DRAFT", "AWAITING_COSIGNERS", "WITHDRAWN").contains(status)) {
                continue;
            }
            total++;
            byStatus.merge(status, 1L, Long::sum);
            key += p.path("key").asBoolean() ? 1 : 0;
            if (!p.path("repliedOn").isNull()) {
                replied++;
                classes.merge(p.path("replyCategory").asString(), 1L, Long::sum);
                if (!LocalDate.parse(p.path("repliedOn").asString()).isAfter(LocalDate.parse(p.path("dueDate").asString()))) {
                    onTime++;
                }
            }
            JsonNode sat = p.path("satisfaction");
            if (!sat.isNull() && !sat.isMissingNode()) {
                rated++;
                resultOk += content.contains(sat.path("result").asString()) ? 1 : 0;
                attitudeOk += content.contains(sat.path("attitude").asString()) ? 1 : 0;
            }
            if (Set.of("ASSIGNED", "IN_PROGRESS", "REHANDLING").contains(status)
                    && LocalDate.parse(p.path("dueDate").asString()).isBefore(LocalDate.now())) {
                overdue.add(id);
            }
        }
        // the data set is the one intended: it has late and unsatisfied cases, so the rates are not trivial
        assertThat(total).isEqualTo(12);
        assertThat(replied).isEqualTo(5);
        assertThat(onTime).isEqualTo(4);
        assertThat(rated).isEqualTo(4);
        assertThat(overdue).containsExactly(overdueCase);

        JsonNode stats = ok(200, f.staff().get(P + "/stats?year=" + YEAR));
        assertThat(stats.path("total").asLong()).isEqualTo(total);
        byStatus.forEach((s, n) -> assertThat(stats.path("byStatus").path(s).asLong()).as(s).isEqualTo(n));
        long listed = 0;
        for (var e : stats.path("byStatus").properties()) {
            listed += e.getValue().asLong();
        }
        assertThat(listed).isEqualTo(total);
        assertThat(stats.path("onTimeReplyRate").asDouble()).isEqualTo(rate(onTime, replied));
        assertThat(stats.path("satisfactionRate").asDouble()).isEqualTo(rate(resultOk, rated));
        assertThat(stats.path("attitudeSatisfactionRate").asDouble()).isEqualTo(rate(attitudeOk, rated));
        classes.forEach((c, n) -> assertThat(stats.path("replyCategories").path(c).asLong()).as(c).isEqualTo(n));
        assertThat(stats.path("key").asLong()).isEqualTo(key);
        List<Long> overdueListed = new ArrayList<>();
        stats.path("overdue").forEach(o -> overdueListed.add(o.path("id").asLong()));
        assertThat(overdueListed).isEqualTo(overdue);
        JsonNode unit = stats.path("byUnit").get(0);
        assertThat(unit.path("unitId").asLong()).isEqualTo(f.unit(0));
        assertThat(unit.path("replied").asLong()).isEqualTo(replied);
        assertThat(unit.path("overdue").asLong()).isEqualTo(1);
    }

    private static double rate(long part, long whole) {
        return Math.round(part * 10000.0 / whole) / 10000.0;
    }

    @Test
    void staffAndLeadersReadStatisticsOthersDoNot() {
        ok(200, f.admin.get(P + "/stats?year=" + YEAR));
        ok(200, f.leaderCppcc().get(P + "/stats?year=" + YEAR));
        ok(200, f.leaderGov().get(P + "/stats?year=" + YEAR));
        refused(403, f.lead().get(P + "/stats?year=" + YEAR));
        refused(403, f.leadUnit().get(P + "/stats?year=" + YEAR));
        refused(401, f.admin.anonymous().get(P + "/stats?year=" + YEAR));
        Cases.invalid(f.staff().get(P + "/stats?year=99"), "year");
        refused(400, f.staff().get(P + "/stats?year=abc"));
        JsonNode empty = ok(200, f.staff().get(P + "/stats?year=2199"));
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(empty.path("onTimeReplyRate").isNull()).isTrue();
        assertThat(empty.path("replyCategories").path("A").asLong()).isZero();
    }
}
