package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import tools.jackson.databind.JsonNode;

/**
 * One joint proposal through the whole workflow, as the issue names it: submit → co-sign → file →
 * merge of a second one → assign → reassignment → accept → contact → co-opinion → reply → review →
 * unsatisfied → re-handling → reply → review → rated → closed; then its history.
 */
class ProposalLifecycleTest extends ApiTestBase {

    private static final Logger log = LoggerFactory.getLogger(ProposalLifecycleTest.class);

    private final List<Long> callNanos = new ArrayList<>();

    @Test
    void jointProposalFromDraftToClosedCase() {
        Committee c = new Committee(admin, 3, 4);
        Api lead = c.member(0);
        Api cosigner = c.member(1);
        Api other = c.member(2);
        Api staff = c.staff();
        Api unitA = c.unit(0);
        Api unitB = c.unit(1);
        Api coUnit = c.unit(2);
        Api headB = c.user(List.of("UNIT_HEAD"), null, c.unitIds.get(1));

        long id = ok(201, lead.post("/api/v1/proposals", c.draft("关于加快老旧小区加装电梯的建议",
                List.of(c.memberIds.get(1))))).path("id").asLong();
        assertThat(ok(200, lead.post("/api/v1/proposals/" + id + "/submit", Map.of())).path("status").asString())
                .isEqualTo("AWAITING_COSIGNERS");
        assertThat(ok(200, cosigner.post("/api/v1/proposals/" + id + "/cosign", Map.of("accept", true)))
                .path("status").asString()).isEqualTo("SUBMITTED");

        JsonNode filed = ok(200, staff.post("/api/v1/proposals/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案标准")));
        assertThat(filed.path("status").asString()).isEqualTo("FILED");
        assertThat(filed.path("number").asString()).matches("第\\d{4}号");

        long second = ok(201, other.post("/api/v1/proposals", c.draft("关于老旧小区电梯加装补贴的建议", List.of())))
                .path("id").asLong();
        ok(200, other.post("/api/v1/proposals/" + second + "/submit", Map.of()));
        assertThat(ok(200, staff.post("/api/v1/proposals/" + second + "/merge", Map.of("intoId", id)))
                .path("status").asString()).isEqualTo("MERGED");
        JsonNode merged = ok(200, staff.get("/api/v1/proposals/" + id));
        assertThat(merged.path("proposers").size()).isEqualTo(3);

        ok(200, staff.post("/api/v1/proposals/" + id + "/assign", Map.of("leadUnitId", c.unitIds.get(0),
                "coUnitIds", List.of(c.unitIds.get(2)))));
        ok(201, unitA.post("/api/v1/proposals/" + id + "/reassignment-requests", Map.of("reason", "不属于本单位职责")));
        JsonNode reassigned = ok(200, staff.post("/api/v1/proposals/" + id + "/assign", Map.of("leadUnitId", c.unitIds.get(1),
                "coUnitIds", List.of(c.unitIds.get(2)))));
        assertThat(reassigned.path("leadUnitId").asLong()).isEqualTo(c.unitIds.get(1));
        assertThat(reassigned.path("dueDate").asString()).isNotEmpty();
        assertThat(unitA.get("/api/v1/proposals/" + id).status()).as("the former unit loses access").isEqualTo(404);

        ok(200, unitB.post("/api/v1/proposals/" + id + "/accept", Map.of()));
        ok(201, unitB.post("/api/v1/proposals/" + id + "/handling-records", Map.of("type", "PROPOSER_CONTACT",
                "date", LocalDate.now().toString(), "content", "与提案人电话沟通办理思路")));
        assertThat(unitB.post("/api/v1/proposals/" + id + "/reply", Map.of("category", "B", "content", "正在推进"))
                .status()).as("a co-unit's opinion is missing").isEqualTo(409);
        ok(201, coUnit.post("/api/v1/proposals/" + id + "/co-opinions", Map.of("content", "同意主办单位意见，配合落实补贴资金")));
        assertThat(ok(200, Cases.replySigned(unitB, headB, id, Map.of("category", "B",
                "content", "已列入明年民生实事计划"))).path("status").asString()).isEqualTo("REPLY_REVIEW");
        assertThat(ok(200, staff.post("/api/v1/proposals/" + id + "/reply-review", Map.of("approve", true)))
                .path("status").asString()).isEqualTo("REPLIED");

        JsonNode unsatisfied = ok(201, lead.post("/api/v1/proposals/" + id + "/evaluation", Map.of("attitude", "SATISFIED",
                "result", "UNSATISFIED", "comment", "进度太慢")));
        assertThat(unsatisfied.path("status").asString()).isEqualTo("REHANDLING");
        ok(201, cosigner.post("/api/v1/proposals/" + id + "/evaluation", Map.of("attitude", "SATISFIED",
                "result", "BASICALLY_SATISFIED")));

        ok(201, unitB.post("/api/v1/proposals/" + id + "/handling-records", Map.of("type", "PROPOSER_CONTACT",
                "date", LocalDate.now().toString(), "content", "上门走访提案人，通报新的推进计划")));
        ok(200, Cases.replySigned(unitB, headB, id, Map.of("category", "A", "content", "已完成首批 20 部电梯加装")));
        ok(200, staff.post("/api/v1/proposals/" + id + "/reply-review", Map.of("approve", true)));
        JsonNode closed = ok(201, lead.post("/api/v1/proposals/" + id + "/evaluation", Map.of("attitude", "SATISFIED",
                "result", "SATISFIED")));
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("replyCategory").asString()).isEqualTo("A");
        assertThat(closed.path("satisfaction").path("result").asString()).isEqualTo("SATISFIED");

        List<String> moves = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (JsonNode h : closed.path("history")) {
            actions.add(h.path("action").asString());
            assertThat(h.path("actor").asString()).isNotEmpty();
            assertThat(h.path("at").asString()).isNotEmpty();
            if (!h.path("fromStatus").asString().equals(h.path("toStatus").asString())) {
                moves.add(h.path("toStatus").asString());
            }
        }
        assertThat(moves).containsExactly("AWAITING_COSIGNERS", "SUBMITTED", "FILED", "ASSIGNED",
                "IN_PROGRESS", "REPLY_REVIEW", "REPLIED", "REHANDLING", "REPLY_REVIEW", "REPLIED", "CLOSED");
        assertThat(actions).containsSubsequence("CREATE", "SUBMIT", "COSIGN_ACCEPT", "FILE", "MERGE_IN", "ASSIGN",
                "REQUEST_REASSIGNMENT", "REASSIGN", "ACCEPT", "HANDLING_PROPOSER_CONTACT", "CO_OPINION", "REPLY",
                "APPROVE_REPLY", "EVALUATE", "EVALUATE", "HANDLING_PROPOSER_CONTACT", "REPLY", "APPROVE_REPLY", "EVALUATE");

        long[] sorted = callNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        log.info("lifecycle on {}: {} API calls, median {} ms", database(), sorted.length,
                sorted[sorted.length / 2] / 1_000_000.0);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    private String database() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    private JsonNode ok(int status, Api.Res res) {
        callNanos.add(res.nanos());
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res.json();
    }
}
