package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** Drafts, edits, submission, co-signing, withdrawal and collective proposals; reading one case. */
class SubmissionApiTest extends ProposalApiTestBase {

    // --- POST /api/v1/proposals ---

    @Test
    void aMemberCreatesADraftAsLeadProposer() {
        JsonNode p = ok(201, f.lead().post(P, f.c.draft(TestSupport.unique("关于规范停车收费的建议"), List.of())));

        assertThat(p.path("status").asString()).isEqualTo("DRAFT");
        assertThat(p.path("proposerKind").asString()).isEqualTo("INDIVIDUAL");
        assertThat(p.path("number").isNull()).isTrue();
        assertThat(p.path("proposers")).hasSize(1);
        assertThat(p.path("proposers").get(0).path("memberId").asLong()).isEqualTo(f.member(0));
        assertThat(p.path("proposers").get(0).path("role").asString()).isEqualTo("LEAD");
        assertThat(p.path("proposers").get(0).path("name").asString()).isNotBlank();
        JsonNode created = p.path("history").get(0);
        assertThat(created.path("action").asString()).isEqualTo("CREATE");
        assertThat(created.path("toStatus").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aJointDraftNamesItsCoSigners() {
        JsonNode p = ok(201, f.lead().post(P, f.c.draft(TestSupport.unique("联名提案"), List.of(f.member(1), f.member(2)))));

        assertThat(p.path("proposerKind").asString()).isEqualTo("JOINT");
        assertThat(p.path("proposers").findValuesAsString("role")).containsExactly("LEAD", "COSIGNER", "COSIGNER");
        assertThat(p.path("proposers").findValuesAsString("confirmation")).containsExactly("ACCEPTED", "PENDING", "PENDING");
    }

    @Test
    void onlyMembersCreateProposals() {
        Map<String, Object> body = f.c.draft(TestSupport.unique("越权提案"), List.of());
        for (Api who : List.of(f.staff(), f.admin, f.leaderCppcc(), f.leaderGov(), f.leadUnit(), f.leadUnitHead())) {
            refused(403, who.post(P, body));
        }
        refused(401, f.admin.anonymous().post(P, body));
    }

    @Test
    void creationRejectsBadInput() {
        invalid(f.lead().post(P, Map.of()), "title", "background", "suggestions", "category", "sessionId");
        invalid(f.lead().post(P, Map.of("title", " ", "background", "有", "suggestions", "有", "category", "城乡建设",
                "sessionId", f.c.sessionId)), "title");
        invalid(f.lead().post(P, with(Map.of("category", "不存在的类别", "sessionId", 99999999L,
                "coSignerMemberIds", List.of(f.member(0)), "title", "长".repeat(201)))),
                "category", "sessionId", "coSignerMemberIds", "title");
        invalid(f.lead().post(P, with(Map.of("coSignerMemberIds", List.of(99999999L)))), "coSignerMemberIds");
        invalid(f.lead().post(P, with(Map.of("sessionId", "第五次"))), "sessionId");
        refused(400, f.lead().postRaw(P, "application/json", "{\"title\":".getBytes()));
    }

    // --- PATCH /api/v1/proposals/{id} ---

    @Test
    void theLeadProposerEditsTheDraft() {
        long id = f.draft();
        Map<String, Object> body = with(Map.of("title", "修改后的案由", "coSignerMemberIds", List.of(f.member(1))));

        JsonNode p = ok(200, f.lead().patch(P + "/" + id, body));
        assertThat(p.path("title").asString()).isEqualTo("修改后的案由");
        assertThat(p.path("proposerKind").asString()).isEqualTo("JOINT");
        assertThat(p.path("proposers").findValuesAsString("memberId")).containsExactly(
                String.valueOf(f.member(0)), String.valueOf(f.member(1)));
        assertThat(p.path("history").findValuesAsString("action")).containsExactly("CREATE", "EDIT");

        p = ok(200, f.lead().patch(P + "/" + id, with(Map.of("coSignerMemberIds", List.of()))));
        assertThat(p.path("proposerKind").asString()).isEqualTo("INDIVIDUAL");
        assertThat(p.path("proposers")).hasSize(1);
    }

    @Test
    void onlyTheLeadProposerEdits() {
        long id = f.draft(f.member(1));
        Map<String, Object> body = with(Map.of());
        refused(403, f.cosigner().patch(P + "/" + id, body));
        for (Api who : List.of(f.other(), f.staff(), f.admin, f.leaderCppcc(), f.leadUnit())) {
            refused(404, who.patch(P + "/" + id, body));
        }
        refused(404, f.lead().patch(P + "/99999999", body));
        invalid(f.lead().patch(P + "/" + id, Map.of("title", "")), "title", "background", "suggestions", "category",
                "sessionId");
        f.advance(id, "SUBMITTED", true);
        wrongState(f.lead().patch(P + "/" + id, body), "已提交");
    }

    // --- POST /{id}/submit ---

    @Test
    void aProposalOfOneMemberIsSubmittedAtOnce() {
        long id = f.draft();
        JsonNode p = ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));

        expectStatus(p, "SUBMITTED");
        assertThat(p.path("submittedOn").asString()).isEqualTo(LocalDate.now().toString());
        JsonNode last = last(p.path("history"));
        assertThat(last.path("action").asString()).isEqualTo("SUBMIT");
        assertThat(last.path("fromStatus").asString()).isEqualTo("DRAFT");
        assertThat(last.path("toStatus").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aJointProposalWaitsForItsCoSigners() {
        long id = f.draft(f.member(1));
        JsonNode p = ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        expectStatus(p, "AWAITING_COSIGNERS");
        assertThat(p.path("submittedOn").isNull()).isTrue();
    }

    @Test
    void onlyTheLeadProposerSubmitsAndOnlyOnce() {
        long id = f.draft(f.member(1));
        refused(403, f.cosigner().post(P + "/" + id + "/submit", Map.of()));
        for (Api who : List.of(f.other(), f.staff(), f.leaderCppcc(), f.leadUnit())) {
            refused(404, who.post(P + "/" + id + "/submit", Map.of()));
        }
        refused(404, f.lead().post(P + "/99999999/submit", Map.of()));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        wrongState(f.lead().post(P + "/" + id + "/submit", Map.of()), "待附议");
        assertThat(f.lead().lang("en").post(P + "/" + id + "/submit", Map.of()).get("detail"))
                .contains("\"Awaiting co-signers\"");
    }

    // --- POST /{id}/cosign ---

    @Test
    void whenAllCoSignersConfirmTheCaseIsSubmitted() {
        long id = f.draft(f.member(1), f.member(2));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));

        expectStatus(ok(200, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true))), "AWAITING_COSIGNERS");
        JsonNode p = ok(200, f.cosigner2().post(P + "/" + id + "/cosign", Map.of("accept", true)));

        expectStatus(p, "SUBMITTED");
        assertThat(p.path("proposerKind").asString()).isEqualTo("JOINT");
        assertThat(p.path("proposers").findValuesAsString("confirmation")).containsOnly("ACCEPTED");
        assertThat(p.path("history").findValuesAsString("action")).endsWith("COSIGN_ACCEPT", "COSIGN_ACCEPT", "ALL_COSIGNED");
    }

    @Test
    void aDecliningCoSignerLeavesTheCase() {
        long id = f.draft(f.member(1), f.member(2));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));

        assertThat(f.cosigner2().post(P + "/" + id + "/cosign", Map.of("accept", false)).status()).isEqualTo(204);
        refused(404, f.cosigner2().get(P + "/" + id));
        expectStatus(f.get(id), "AWAITING_COSIGNERS");
        JsonNode p = ok(200, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));
        expectStatus(p, "SUBMITTED");
        assertThat(p.path("proposers").findValuesAsString("memberId")).containsExactly(
                String.valueOf(f.member(0)), String.valueOf(f.member(1)));

        long alone = f.draft(f.member(1));
        ok(200, f.lead().post(P + "/" + alone + "/submit", Map.of()));
        assertThat(f.cosigner().post(P + "/" + alone + "/cosign", Map.of("accept", false)).status()).isEqualTo(204);
        JsonNode single = f.get(alone);
        expectStatus(single, "SUBMITTED");
        assertThat(single.path("proposers")).hasSize(1);
        assertThat(single.path("proposerKind").asString()).isEqualTo("INDIVIDUAL");
    }

    @Test
    void onlyANamedCoSignerAnswers() {
        long id = f.draft(f.member(1));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        Map<String, Object> yes = Map.of("accept", true);
        for (Api who : List.of(f.lead(), f.staff(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/cosign", yes));
        }
        for (Api who : List.of(f.other(), f.leadUnit(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/cosign", yes));
        }
        refused(404, f.cosigner().post(P + "/99999999/cosign", yes));
        invalid(f.cosigner().post(P + "/" + id + "/cosign", Map.of()), "accept");
        invalid(f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", "vielleicht")), "accept");
    }

    @Test
    void aCoSignerAnswersOnce() {
        long id = f.draft(f.member(1), f.member(2));
        refused(409, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        ok(200, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));

        refused(409, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", false)));
        ok(200, f.cosigner2().post(P + "/" + id + "/cosign", Map.of("accept", true)));
        wrongState(f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)), "已提交");
        assertThat(f.get(id).path("proposers")).hasSize(3);
    }

    // --- POST /{id}/withdraw ---

    @Test
    void theLeadProposerWithdrawsUntilFiling() {
        long submitted = f.caseIn("SUBMITTED");
        JsonNode p = ok(200, f.lead().post(P + "/" + submitted + "/withdraw", Map.of("reason", "情况已变化")));
        expectStatus(p, "WITHDRAWN");
        assertThat(last(p.path("history")).path("note").asString()).isEqualTo("情况已变化");

        long waiting = f.draft(f.member(1));
        ok(200, f.lead().post(P + "/" + waiting + "/submit", Map.of()));
        expectStatus(ok(200, f.lead().post(P + "/" + waiting + "/withdraw", Map.of())), "WITHDRAWN");

        long draft = f.draft();
        expectStatus(ok(200, f.lead().postRaw(P + "/" + draft + "/withdraw", "application/json", new byte[0])), "WITHDRAWN");
        wrongState(f.lead().post(P + "/" + draft + "/withdraw", Map.of()), "已撤回");
    }

    @Test
    void onlyTheLeadProposerWithdraws() {
        long id = f.caseIn("SUBMITTED", true);
        for (Api who : List.of(f.cosigner(), f.staff(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/withdraw", Map.of()));
        }
        for (Api who : List.of(f.other(), f.leadUnit(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/withdraw", Map.of()));
        }
        refused(404, f.lead().post(P + "/99999999/withdraw", Map.of()));
        f.advance(id, "FILED", true);
        wrongState(f.lead().post(P + "/" + id + "/withdraw", Map.of()), "已立案");
    }

    // --- POST /collective ---

    @Test
    void staffEnterACollectiveProposal() {
        Map<String, Object> body = with(Map.of("collectiveName", "民建区委会", "convenerMemberId", f.member(4)));
        JsonNode p = ok(201, f.staff().post(P + "/collective", body));

        expectStatus(p, "SUBMITTED");
        assertThat(p.path("proposerKind").asString()).isEqualTo("COLLECTIVE");
        assertThat(p.path("collectiveName").asString()).isEqualTo("民建区委会");
        assertThat(p.path("proposers").findValuesAsString("memberId")).containsExactly(String.valueOf(f.member(4)));
        assertThat(p.path("history").findValuesAsString("action")).containsExactly("CREATE_COLLECTIVE", "SUBMIT");
        ok(201, f.admin.post(P + "/collective", body));
    }

    @Test
    void onlyStaffEnterCollectiveProposalsAndWithAllFields() {
        Map<String, Object> body = with(Map.of("collectiveName", "民建区委会", "convenerMemberId", f.member(4)));
        for (Api who : List.of(f.lead(), f.leaderCppcc(), f.leaderGov(), f.leadUnit(), f.leadUnitHead())) {
            refused(403, who.post(P + "/collective", body));
        }
        invalid(f.staff().post(P + "/collective", Map.of()), "title", "background", "suggestions", "category", "sessionId",
                "collectiveName", "convenerMemberId");
        invalid(f.staff().post(P + "/collective", with(Map.of("collectiveName", "民建区委会", "convenerMemberId", 99999999L))),
                "convenerMemberId");
    }

    // --- GET /{id} ---

    @Test
    void aCaseAnswersEveryFieldOfTheContract() {
        JsonNode p = ok(200, f.lead().get(P + "/" + f.caseIn("ASSIGNED", true)));
        for (String field : List.of("id", "number", "title", "background", "suggestions", "category", "status", "proposers",
                "leadUnitId", "coUnitIds", "dueDate", "key", "replyCategory", "satisfaction", "history")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        assertThat(p.path("leadUnitId").asLong()).isEqualTo(f.unit(0));
        assertThat(p.path("coUnitIds").get(0).asLong()).isEqualTo(f.unit(1));
        for (JsonNode proposer : p.path("proposers")) {
            assertThat(proposer.has("memberId") && proposer.has("name") && proposer.has("role")).isTrue();
        }
        for (JsonNode h : p.path("history")) {
            for (String field : List.of("at", "actor", "action", "fromStatus", "toStatus", "note")) {
                assertThat(h.has(field)).as(field).isTrue();
            }
        }
    }

    @Test
    void unknownOrMalformedIds() {
        refused(404, f.staff().get(P + "/99999999"));
        invalid(f.staff().get(P + "/abc"), "id");
        refused(401, f.admin.anonymous().get(P + "/" + f.caseIn("FILED")));
    }

    private Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(f.c.draft(TestSupport.unique("关于完善社区治理的建议"), List.of()));
        body.putAll(changes);
        return body;
    }

    static JsonNode last(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.get(all.size() - 1);
    }
}
