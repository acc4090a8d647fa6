package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;
import static org.xieshang.proposal.Cases.refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Every move of a case is in its history (actor, time, action, from and to status, note) and in
 * the audit trail: the history line itself, and the case's change of status.
 */
class HistoryAuditTest extends ProposalApiTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    private record Move(String action, String from, String to, Api actor, String note) {
    }

    @Test
    void everyMoveIsRecordedWithActorTimeStatesAndNote() {
        long id = f.draft(f.member(1));
        List<Move> expected = new ArrayList<>();
        expected.add(new Move("CREATE", "DRAFT", "DRAFT", f.lead(), null));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        expected.add(new Move("SUBMIT", "DRAFT", "AWAITING_COSIGNERS", f.lead(), null));
        ok(200, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));
        expected.add(new Move("COSIGN_ACCEPT", "AWAITING_COSIGNERS", "AWAITING_COSIGNERS", f.cosigner(), null));
        expected.add(new Move("ALL_COSIGNED", "AWAITING_COSIGNERS", "SUBMITTED", f.cosigner(), null));
        String number = ok(200, f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "同意立案")))
                .path("number").asString();
        expected.add(new Move("FILE", "SUBMITTED", "FILED", f.staff(), number + "：同意立案"));
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(1)))));
        expected.add(new Move("ASSIGN", "FILED", "ASSIGNED", f.staff(), null));
        ok(201, f.leadUnit().post(P + "/" + id + "/reassignment-requests", Map.of("reason", "职责不符")));
        expected.add(new Move("REQUEST_REASSIGNMENT", "ASSIGNED", "ASSIGNED", f.leadUnit(), "职责不符"));
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(1)))));
        expected.add(new Move("REASSIGN", "ASSIGNED", "ASSIGNED", f.staff(), null));
        ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of()));
        expected.add(new Move("ACCEPT", "ASSIGNED", "IN_PROGRESS", f.leadUnit(), null));
        f.contact(id);
        expected.add(new Move("HANDLING_PROPOSER_CONTACT", "IN_PROGRESS", "IN_PROGRESS", f.leadUnit(), "电话联系提案人，沟通办理思路"));
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        expected.add(new Move("CO_OPINION", "IN_PROGRESS", "IN_PROGRESS", f.coUnit(), "同意"));
        ok(200, f.replySigned(id, Map.of("category", "C", "content", "留作参考")));
        expected.add(new Move("REPLY", "IN_PROGRESS", "REPLY_REVIEW", f.leadUnit(), "C"));
        expected.add(new Move("SIGN_OFF_REPLY", "REPLY_REVIEW", "REPLY_REVIEW", f.leadUnitHead(), "C"));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "请补充依据")));
        expected.add(new Move("RETURN_REPLY", "REPLY_REVIEW", "IN_PROGRESS", f.staff(), "请补充依据"));
        ok(200, f.leadUnitHead().post(P + "/" + id + "/reply", Map.of("category", "B", "content", "列入计划")));
        expected.add(new Move("REPLY", "IN_PROGRESS", "REPLY_REVIEW", f.leadUnitHead(), "B"));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true)));
        expected.add(new Move("APPROVE_REPLY", "REPLY_REVIEW", "REPLIED", f.staff(), "B"));
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        expected.add(new Move("PUBLISH", "REPLIED", "REPLIED", f.staff(), null));
        ok(201, f.cosigner().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
        expected.add(new Move("EVALUATE", "REPLIED", "REPLIED", f.cosigner(), "SATISFIED/SATISFIED"));
        ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("BASICALLY_SATISFIED", "SATISFIED")));
        expected.add(new Move("EVALUATE", "REPLIED", "CLOSED", f.lead(), "BASICALLY_SATISFIED/SATISFIED"));
        ok(200, f.leadUnit().post(P + "/" + id + "/implementation-report", Map.of("content", "已落实")));
        expected.add(new Move("REPORT_IMPLEMENTED", "CLOSED", "CLOSED", f.leadUnit(), "已落实"));

        JsonNode history = f.get(id).path("history");
        assertThat(history).hasSize(expected.size());
        Instant previous = Instant.EPOCH;
        for (int i = 0; i < expected.size(); i++) {
            Move m = expected.get(i);
            JsonNode h = history.get(i);
            String what = i + " " + m.action() + ": " + h;
            assertThat(h.path("action").asString()).as(what).isEqualTo(m.action());
            assertThat(h.path("fromStatus").asString()).as(what).isEqualTo(m.from());
            assertThat(h.path("toStatus").asString()).as(what).isEqualTo(m.to());
            assertThat(h.path("actor").asString()).as(what).isEqualTo(displayName(m.actor()));
            if (m.note() != null) {
                assertThat(h.path("note").asString()).as(what).isEqualTo(m.note());
            }
            Instant at = Instant.parse(h.path("at").asString());
            assertThat(at).as(what).isAfterOrEqualTo(previous).isBeforeOrEqualTo(Instant.now());
            previous = at;
        }
        String due = f.get(id).path("dueDate").asString();
        assertThat(history.get(5).path("note").asString()).as("assignment: unit and due date").endsWith(" · " + due)
                .doesNotStartWith(" ·");

        // every history line is in the audit trail, written by the one who made the move
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, action, from_status, to_status, note from proposal_history where proposal_id = ? order by id", id);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            JsonNode entries = ok(200, f.admin.get("/api/v1/audit/entries?entityType=ProposalHistory&entityId=" + row.get("id")))
                    .path("items");
            assertThat(entries).as("audit of history line " + row).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.path("action").asString()).isEqualTo("CREATE");
            assertThat(entry.path("actor").asString()).isEqualTo(username(expected.get(i).actor()));
            JsonNode after = Api.JSON.readTree(entry.path("changes").asString()).path("after");
            assertThat(after.path("proposalId").asLong()).isEqualTo(id);
            assertThat(after.path("action").asString()).isEqualTo(row.get("action"));
            assertThat(after.path("fromStatus").asString()).isEqualTo(row.get("from_status"));
            assertThat(after.path("toStatus").asString()).isEqualTo(row.get("to_status"));
            assertThat(after.path("note").isNull() ? null : after.path("note").asString()).isEqualTo(row.get("note"));
        }

        // and every change of status is an audited change of the case, by its actor
        List<String> statusChanges = new ArrayList<>();
        List<String> statusActors = new ArrayList<>();
        for (JsonNode entry : ok(200, f.admin.get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id)).path("items")) {
            JsonNode changes = Api.JSON.readTree(entry.path("changes").asString());
            if (entry.path("action").asString().equals("UPDATE") && changes.path("after").has("status")) {
                assertThat(changes.path("before").path("status").asString()).isNotEqualTo(changes.path("after").path("status").asString());
                statusChanges.add(changes.path("before").path("status").asString() + "→" + changes.path("after").path("status").asString());
                statusActors.add(entry.path("actor").asString());
            }
        }
        List<String> moves = new ArrayList<>();
        List<String> movers = new ArrayList<>();
        for (Move m : expected) {
            if (!m.from().equals(m.to())) {
                moves.add(m.from() + "→" + m.to());
                movers.add(username(m.actor()));
            }
        }
        assertThat(statusChanges).isEqualTo(moves);
        assertThat(statusActors).isEqualTo(movers);
    }

    @Test
    void onlyTheOfficeReadsTheAuditTrail() {
        long id = f.caseIn("FILED");
        refused(403, f.staff().get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id));
        refused(403, f.lead().get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id));
        assertThat(ok(200, f.admin.get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id)).path("items")).isNotEmpty();
    }

    private final Map<Api, JsonNode> me = new java.util.HashMap<>();

    private String displayName(Api who) {
        return me.computeIfAbsent(who, w -> ok(200, w.get("/api/v1/me"))).path("displayName").asString();
    }

    private String username(Api who) {
        return me.computeIfAbsent(who, w -> ok(200, w.get("/api/v1/me"))).path("username").asString();
    }
}
