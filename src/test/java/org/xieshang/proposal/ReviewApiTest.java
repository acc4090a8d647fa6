package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;
import static org.xieshang.proposal.SubmissionApiTest.last;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** The proposal office's decisions: file or not, convert, merge, publish. */
class ReviewApiTest extends ProposalApiTestBase {

    private static final String GROUND = "内容空泛，无具体建议";

    // --- POST /{id}/review ---

    @Test
    void filingGivesTheNextNumberOfTheSession() {
        long id = f.caseIn("SUBMITTED");
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案标准")));

        expectStatus(p, "FILED");
        assertThat(p.path("number").asString()).matches("第\\d{4}号");
        assertThat(p.path("decisionReason").asString()).isEqualTo("符合立案标准");
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("FILE");
        assertThat(move.path("note").asString()).isEqualTo(p.path("number").asString() + "：符合立案标准");

        long next = f.caseIn("SUBMITTED");
        String number = ok(200, f.admin.post(P + "/" + next + "/review", Map.of("decision", "FILE"))).path("number").asString();
        assertThat(seq(number)).isEqualTo(seq(p.path("number").asString()) + 1);
    }

    @Test
    void notFilingNeedsAConfiguredGround() {
        long byReason = f.caseIn("SUBMITTED");
        JsonNode p = ok(200, f.staff().post(P + "/" + byReason + "/review", Map.of("decision", "NOT_FILE", "reason", GROUND)));
        expectStatus(p, "NOT_FILED");
        assertThat(p.path("notFiledGround").asString()).isEqualTo(GROUND);
        assertThat(p.path("number").isNull()).isTrue();

        long byGround = f.caseIn("SUBMITTED");
        p = ok(200, f.staff().post(P + "/" + byGround + "/review", Map.of("decision", "NOT_FILE",
                "ground", "属于个人诉求或家庭私事", "reason", "系个人诉求")));
        assertThat(p.path("notFiledGround").asString()).isEqualTo("属于个人诉求或家庭私事");
        assertThat(last(p.path("history")).path("note").asString()).isEqualTo("属于个人诉求或家庭私事：系个人诉求");
    }

    @Test
    void onlyStaffReview() {
        long id = f.caseIn("SUBMITTED", true);
        Map<String, Object> file = Map.of("decision", "FILE");
        for (Api who : List.of(f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/review", file));
        }
        for (Api who : List.of(f.other(), f.leaderGov(), f.leadUnit(), f.leadUnitHead())) {
            refused(404, who.post(P + "/" + id + "/review", file));
        }
        refused(404, f.staff().post(P + "/99999999/review", file));
        expectStatus(f.get(id), "SUBMITTED");
        // the handling units see an assigned case but take no office decision on it: 403 comes before the state's 409
        long assigned = f.caseIn("ASSIGNED");
        for (Api who : List.of(f.leadUnit(), f.leadUnitHead(), f.coUnit())) {
            refused(403, who.post(P + "/" + assigned + "/review", file));
            refused(403, who.post(P + "/" + assigned + "/merge", Map.of("intoId", id)));
        }
        refused(403, f.leaderCppcc().post(P + "/" + assigned + "/review", file));
    }

    @Test
    void reviewRejectsBadInput() {
        long id = f.caseIn("SUBMITTED");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of()), "decision");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of("decision", "MAYBE")), "decision");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE")), "reason");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE", "reason", "不喜欢")), "reason");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE", "ground", "不喜欢")), "ground");
        invalid(f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "长".repeat(2001))), "reason");
        expectStatus(f.get(id), "SUBMITTED");
    }

    @Test
    void aCaseIsReviewedOnce() {
        long id = f.caseIn("FILED");
        wrongState(f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE")), "已立案");
        wrongState(f.staff().post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE", "reason", GROUND)), "已立案");
        long draft = f.draft();
        refused(404, f.staff().post(P + "/" + draft + "/review", Map.of("decision", "FILE")));
        wrongState(f.staff().post(P + "/" + f.caseIn("ASSIGNED") + "/review", Map.of("decision", "FILE")), "已交办");
        long withdrawn = f.caseIn("SUBMITTED");
        ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of()));
        wrongState(f.staff().post(P + "/" + withdrawn + "/review", Map.of("decision", "FILE")), "已撤回");
    }

    // --- POST /{id}/merge ---

    @Test
    void aMergedCaseBringsItsProposersToTheTarget() {
        long target = f.caseIn("FILED");
        // the merged case is another member's, with a co-signer
        Api author = f.other();
        long source = ok(201, author.post(P, f.c.draft("关于社区养老的另一建议", List.of(f.member(2))))).path("id").asLong();
        ok(200, author.post(P + "/" + source + "/submit", Map.of()));
        ok(200, f.cosigner2().post(P + "/" + source + "/cosign", Map.of("accept", true)));

        JsonNode p = ok(200, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", target)));
        expectStatus(p, "MERGED");
        assertThat(p.path("mergedIntoId").asLong()).isEqualTo(target);
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("MERGE");

        JsonNode t = f.get(target);
        expectStatus(t, "FILED");
        assertThat(t.path("proposers").findValuesAsString("memberId")).containsExactly(String.valueOf(f.member(0)),
                String.valueOf(f.member(3)), String.valueOf(f.member(2)));
        assertThat(t.path("proposers").get(1).path("mergedFromId").asLong()).isEqualTo(source);
        assertThat(last(t.path("history")).path("action").asString()).isEqualTo("MERGE_IN");
        // the new proposers now see the target case
        ok(200, author.get(P + "/" + target));
        ok(200, f.cosigner2().get(P + "/" + target));
    }

    @Test
    void onlyStaffMerge() {
        long target = f.caseIn("FILED");
        long source = f.caseIn("SUBMITTED", true);
        Map<String, Object> body = Map.of("intoId", target);
        for (Api who : List.of(f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + source + "/merge", body));
        }
        for (Api who : List.of(f.other(), f.leaderGov(), f.leadUnit())) {
            refused(404, who.post(P + "/" + source + "/merge", body));
        }
        refused(404, f.staff().post(P + "/99999999/merge", body));
        expectStatus(f.get(source), "SUBMITTED");
    }

    @Test
    void mergeRejectsBadTargets() {
        long source = f.caseIn("SUBMITTED");
        invalid(f.staff().post(P + "/" + source + "/merge", Map.of()), "intoId");
        invalid(f.staff().post(P + "/" + source + "/merge", Map.of("intoId", source)), "intoId");
        invalid(f.staff().post(P + "/" + source + "/merge", Map.of("intoId", 99999999L)), "intoId");
        invalid(f.staff().post(P + "/" + source + "/merge", Map.of("intoId", f.draft())), "intoId");
        invalid(f.staff().post(P + "/" + source + "/merge", Map.of("intoId", "abc")), "intoId");

        long closed = f.caseIn("CLOSED");
        JsonNode conflict = refused(409, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", closed)));
        assertThat(conflict.path("detail").asString()).contains("“已办结”");
        long alreadyMerged = f.caseIn("SUBMITTED");
        ok(200, f.staff().post(P + "/" + alreadyMerged + "/merge", Map.of("intoId", f.caseIn("FILED"))));
        refused(409, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", alreadyMerged)));
        wrongState(f.staff().post(P + "/" + alreadyMerged + "/merge", Map.of("intoId", source)), "已并案");
        wrongState(f.staff().post(P + "/" + f.caseIn("ASSIGNED") + "/merge", Map.of("intoId", source)), "已交办");
        expectStatus(f.get(source), "SUBMITTED");
    }

    // --- POST /{id}/convert ---

    @Test
    void aNotFiledTextBecomesASocialReportOrAMemberLetter() {
        long report = notFiled();
        JsonNode p = ok(200, f.staff().post(P + "/" + report + "/convert", Map.of("kind", "SOCIAL_REPORT", "note", "转社情民意")));
        assertThat(p.path("conversion").asString()).isEqualTo("SOCIAL_REPORT");
        expectStatus(p, "NOT_FILED");
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("CONVERT_SOCIAL_REPORT");

        long letter = notFiled();
        p = ok(200, f.staff().post(P + "/" + letter + "/convert", Map.of("kind", "MEMBER_LETTER", "unitId", f.unit(2))));
        assertThat(p.path("conversion").asString()).isEqualTo("MEMBER_LETTER");
        refused(409, f.staff().post(P + "/" + letter + "/convert", Map.of("kind", "SOCIAL_REPORT")));
    }

    @Test
    void conversionRefusalsAndBadInput() {
        long id = notFiled();
        for (Api who : List.of(f.lead(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/convert", Map.of("kind", "SOCIAL_REPORT")));
        }
        refused(404, f.leadUnit().post(P + "/" + id + "/convert", Map.of("kind", "SOCIAL_REPORT")));
        refused(404, f.staff().post(P + "/99999999/convert", Map.of("kind", "SOCIAL_REPORT")));
        invalid(f.staff().post(P + "/" + id + "/convert", Map.of()), "kind");
        invalid(f.staff().post(P + "/" + id + "/convert", Map.of("kind", "NEWSPAPER")), "kind");
        invalid(f.staff().post(P + "/" + id + "/convert", Map.of("kind", "MEMBER_LETTER")), "unitId");
        invalid(f.staff().post(P + "/" + id + "/convert", Map.of("kind", "MEMBER_LETTER", "unitId", 99999999L)), "unitId");
        wrongState(f.staff().post(P + "/" + f.caseIn("FILED") + "/convert", Map.of("kind", "SOCIAL_REPORT")), "已立案");
    }

    // --- POST /{id}/publication ---

    @Test
    void staffPublishAndConfidentialCasesStayUnpublished() {
        long id = f.caseIn("FILED");
        refused(404, f.other().get(P + "/" + id));
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        assertThat(p.path("published").asBoolean()).isTrue();
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("PUBLISH");
        ok(200, f.other().get(P + "/" + id));

        p = ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("confidential", true)));
        assertThat(p.path("published").asBoolean()).isFalse();
        assertThat(p.path("confidential").asBoolean()).isTrue();
        refused(404, f.other().get(P + "/" + id));
        // publishing a confidential case is refused, not a silent lifting of its confidentiality
        refused(409, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        p = f.get(id);
        assertThat(p.path("confidential").asBoolean()).isTrue();
        assertThat(p.path("published").asBoolean()).isFalse();
        p = ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true, "confidential", false)));
        assertThat(p.path("published").asBoolean()).isTrue();
        assertThat(p.path("confidential").asBoolean()).isFalse();
    }

    @Test
    void publicationRefusalsAndBadInput() {
        long id = f.caseIn("ASSIGNED");
        Map<String, Object> body = Map.of("published", true);
        for (Api who : List.of(f.lead(), f.leaderCppcc(), f.leadUnit(), f.leadUnitHead(), f.coUnit())) {
            refused(403, who.post(P + "/" + id + "/publication", body));
        }
        for (Api who : List.of(f.other(), f.otherUnit(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/publication", body));
        }
        refused(404, f.staff().post(P + "/99999999/publication", body));
        invalid(f.staff().post(P + "/" + id + "/publication", Map.of("published", "ja")), "published");
        invalid(f.staff().post(P + "/" + id + "/publication", Map.of()), "published");
        wrongState(f.staff().post(P + "/" + f.caseIn("SUBMITTED") + "/publication", body), "已提交");
        assertThat(f.get(id).path("published").asBoolean()).isFalse();
    }

    private long notFiled() {
        long id = f.caseIn("SUBMITTED");
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE", "reason", GROUND))),
                "NOT_FILED");
        return id;
    }

    private static int seq(String number) {
        return Integer.parseInt(number.replaceAll("\\D", ""));
    }
}
