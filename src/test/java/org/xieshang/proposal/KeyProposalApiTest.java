package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ids;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Key proposals: staff mark filed cases key with lead-handling leaders (LEADER_GOV) and
 * supervisors (LEADER_CPPCC); the chair's meeting decision marks many at once; lead leaders then
 * see their key cases; staff, supervisors and lead leaders record supervision events.
 */
class KeyProposalApiTest extends ProposalApiTestBase {

    private long govId;
    private long cppccId;
    private Api otherGov;
    private Api otherCppcc;

    @BeforeAll
    void leaders() {
        govId = userId(f.leaderGov());
        cppccId = userId(f.leaderCppcc());
        otherGov = f.c.role("LEADER_GOV");
        otherCppcc = f.c.role("LEADER_CPPCC");
    }

    private static long userId(Api who) {
        return ok(200, who.get("/api/v1/me")).path("id").asLong();
    }

    private static Map<String, Object> leaders(List<Long> lead, List<Long> supervisors) {
        return Map.of("leadLeaderUserIds", lead, "supervisorUserIds", supervisors);
    }

    private static List<String> actions(JsonNode p) {
        List<String> out = new ArrayList<>();
        p.path("history").forEach(h -> out.add(h.path("action").asString()));
        return out;
    }

    @Test
    void staffMarkAKeyProposalAndItsLeadLeaderSeesIt() {
        long id = f.caseIn("ASSIGNED");
        refused(404, f.leaderGov().get(P + "/" + id));

        JsonNode key = ok(200, f.staff().post(P + "/" + id + "/key", leaders(List.of(govId), List.of(cppccId))));
        assertThat(key.path("key").asBoolean()).isTrue();
        assertThat(key.path("leadLeaderUserIds").get(0).asLong()).isEqualTo(govId);
        assertThat(key.path("supervisorUserIds").get(0).asLong()).isEqualTo(cppccId);
        JsonNode p = f.get(id);
        assertThat(p.path("key").asBoolean()).isTrue();
        assertThat(actions(p)).contains("MARK_KEY");

        // the lead leader now sees the case, in its detail, the key list and full-text search; another leader does not
        ok(200, f.leaderGov().get(P + "/" + id));
        assertThat(ids(ok(200, f.leaderGov().get(P + "?key=true&size=200")))).contains(id);
        assertThat(ids(ok(200, f.leaderGov().get(P + "?key=true&size=200&q=" + java.net.URLEncoder.encode("养老",
                java.nio.charset.StandardCharsets.UTF_8))))).contains(id);
        refused(404, otherGov.get(P + "/" + id));
        assertThat(ids(ok(200, otherGov.get(P + "?key=true&size=200")))).doesNotContain(id);
        assertThat(ok(200, f.leaderGov().get(P + "/" + id + "/key")).path("leadLeaders").get(0).path("name").asString()).isNotBlank();

        // changing the leaders replaces them: the first leader loses sight of the case
        long otherGovId = userId(otherGov);
        JsonNode changed = ok(200, f.admin.post(P + "/" + id + "/key", leaders(List.of(otherGovId), List.of())));
        assertThat(changed.path("leadLeaderUserIds").size()).isEqualTo(1);
        assertThat(changed.path("supervisorUserIds").size()).isZero();
        refused(404, f.leaderGov().get(P + "/" + id));
        ok(200, otherGov.get(P + "/" + id));
    }

    @Test
    void onlyStaffMarkKeyProposals() {
        long id = f.caseIn("ASSIGNED");
        Map<String, Object> body = leaders(List.of(govId), List.of());
        refused(403, f.lead().post(P + "/" + id + "/key", body));
        refused(403, f.leadUnit().post(P + "/" + id + "/key", body));
        refused(403, f.leaderCppcc().post(P + "/" + id + "/key", body));
        refused(404, f.other().post(P + "/" + id + "/key", body));
        refused(404, f.leaderGov().post(P + "/" + id + "/key", body));
        refused(404, f.staff().post(P + "/99999999/key", body));
        assertThat(f.get(id).path("key").asBoolean()).isFalse();
    }

    @Test
    void leadersMustHoldTheirRoles() {
        long id = f.caseIn("FILED");
        invalid(f.staff().post(P + "/" + id + "/key", leaders(List.of(cppccId), List.of())), "leadLeaderUserIds");
        invalid(f.staff().post(P + "/" + id + "/key", leaders(List.of(), List.of(govId))), "supervisorUserIds");
        invalid(f.staff().post(P + "/" + id + "/key", leaders(List.of(99999999L), List.of(govId))),
                "leadLeaderUserIds", "supervisorUserIds");
        assertThat(f.get(id).path("key").asBoolean()).isFalse();
    }

    @Test
    void onlyFiledCasesBecomeKey() {
        long id = f.caseIn("SUBMITTED");
        wrongState(f.staff().post(P + "/" + id + "/key", leaders(List.of(govId), List.of())), "已提交");
    }

    @Test
    void theChairsMeetingDecisionMarksManyCases() {
        long a = f.caseIn("FILED");
        long b = f.caseIn("IN_PROGRESS");
        Map<String, Object> body = Map.of("year", 2026, "meetingDate", "2026-03-20", "proposalIds", List.of(a, b),
                "reasons", "事关民生，群众关注度高");
        refused(403, f.lead().post("/api/v1/key-proposal-decisions", body));
        refused(403, f.leaderCppcc().post("/api/v1/key-proposal-decisions", body));
        JsonNode d = ok(201, f.staff().post("/api/v1/key-proposal-decisions", body));
        assertThat(d.path("proposalIds").size()).isEqualTo(2);
        assertThat(f.get(a).path("key").asBoolean()).isTrue();
        assertThat(f.get(b).path("key").asBoolean()).isTrue();
        assertThat(actions(f.get(b))).contains("MARK_KEY");
        List<Long> listed = new ArrayList<>();
        ok(200, f.leaderCppcc().get("/api/v1/key-proposal-decisions?year=2026")).path("items")
                .forEach(i -> listed.add(i.path("id").asLong()));
        assertThat(listed).contains(d.path("id").asLong());
        refused(403, f.lead().get("/api/v1/key-proposal-decisions?year=2026"));

        invalid(f.staff().post("/api/v1/key-proposal-decisions", Map.of("year", 2026, "proposalIds", List.of())),
                "meetingDate", "proposalIds");
        invalid(f.staff().post("/api/v1/key-proposal-decisions", Map.of("year", 2026, "meetingDate", "2026-03-20",
                "proposalIds", List.of(99999999L))), "proposalIds");
        long submitted = f.caseIn("SUBMITTED");
        wrongState(f.staff().post("/api/v1/key-proposal-decisions", Map.of("year", 2026, "meetingDate", "2026-03-20",
                "proposalIds", List.of(a, submitted))), "已提交");
    }

    @Test
    void supervisionEventsOnKeyCases() {
        long id = f.caseIn("IN_PROGRESS");
        Map<String, Object> visit = Map.of("type", "VISIT", "date", LocalDate.now().toString(),
                "content", "督办领导到承办单位走访，听取办理进展", "participants", "区政协副主席、提案委主任");
        // not key yet: staff are refused for the state of the case, others are no supervisors
        refused(409, f.staff().post(P + "/" + id + "/supervision-events", visit));
        refused(403, f.leaderCppcc().post(P + "/" + id + "/supervision-events", visit));

        ok(200, f.staff().post(P + "/" + id + "/key", leaders(List.of(govId), List.of(cppccId))));
        JsonNode e = ok(201, f.leaderCppcc().post(P + "/" + id + "/supervision-events", visit));
        assertThat(e.path("type").asString()).isEqualTo("VISIT");
        assertThat(e.path("participants").asString()).contains("副主席");
        ok(201, f.leaderGov().post(P + "/" + id + "/supervision-events", Map.of("type", "PROGRESS_MEETING",
                "date", LocalDate.now().toString(), "content", "召开办理情况汇报会")));
        ok(201, f.staff().post(P + "/" + id + "/supervision-events", Map.of("type", "JOINT_INSPECTION",
                "date", LocalDate.now().minusDays(1).toString(), "content", "联合视察")));

        refused(403, otherCppcc.post(P + "/" + id + "/supervision-events", visit));
        refused(403, f.leadUnit().post(P + "/" + id + "/supervision-events", visit));
        refused(403, f.lead().post(P + "/" + id + "/supervision-events", visit));
        refused(404, otherGov.post(P + "/" + id + "/supervision-events", visit));
        refused(404, f.other().post(P + "/" + id + "/supervision-events", visit));
        refused(404, f.staff().post(P + "/99999999/supervision-events", visit));
        invalid(f.staff().post(P + "/" + id + "/supervision-events", Map.of("content", " ")), "type", "date", "content");
        invalid(f.staff().post(P + "/" + id + "/supervision-events", Map.of("type", "SYMPOSIUM",
                "date", LocalDate.now().plusDays(3).toString(), "content", "座谈")), "date");
        refused(400, f.staff().post(P + "/" + id + "/supervision-events", Map.of("type", "PICNIC",
                "date", LocalDate.now().toString(), "content", "x")));

        JsonNode events = ok(200, f.leadUnit().get(P + "/" + id + "/supervision-events"));
        List<String> types = new ArrayList<>();
        events.path("items").forEach(i -> types.add(i.path("type").asString()));
        assertThat(types).containsExactly("JOINT_INSPECTION", "VISIT", "PROGRESS_MEETING");
        assertThat(actions(f.get(id))).contains("SUPERVISION_VISIT", "SUPERVISION_PROGRESS_MEETING", "SUPERVISION_JOINT_INSPECTION");
        // the lead unit is told
        JsonNode inbox = ok(200, f.leadUnit().get("/api/v1/notifications?size=200"));
        assertThat(inbox.toString()).contains("督办");
    }
}
