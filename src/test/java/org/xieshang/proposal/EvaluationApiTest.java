package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;
import static org.xieshang.proposal.SubmissionApiTest.last;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Satisfaction: every proposer rates once per reply; the lead (first) proposer's rating moves the
 * case — closed, or re-handled once when the result is unsatisfied the first time.
 */
class EvaluationApiTest extends ProposalApiTestBase {

    @Test
    void theLeadProposersSatisfactionClosesTheCase() {
        long id = f.caseIn("REPLIED", true);
        JsonNode p = ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "BASICALLY_SATISFIED")));

        expectStatus(p, "CLOSED");
        assertThat(p.path("closedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(p.path("satisfaction").path("attitude").asString()).isEqualTo("SATISFIED");
        assertThat(p.path("satisfaction").path("result").asString()).isEqualTo("BASICALLY_SATISFIED");
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("EVALUATE");
        assertThat(move.path("fromStatus").asString()).isEqualTo("REPLIED");
        assertThat(move.path("toStatus").asString()).isEqualTo("CLOSED");
        assertThat(move.path("note").asString()).isEqualTo("SATISFIED/BASICALLY_SATISFIED");

        // the co-signer still rates this reply, once
        expectStatus(ok(201, f.cosigner().post(P + "/" + id + "/evaluation", rating("BASICALLY_SATISFIED", "SATISFIED"))),
                "CLOSED");
        JsonNode again = refused(409, f.cosigner().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
        assertThat(again.path("detail").asString()).contains("测评");
        refused(409, f.lead().post(P + "/" + id + "/evaluation", rating("UNSATISFIED", "UNSATISFIED")));
        JsonNode evaluations = f.get(id).path("evaluations");
        assertThat(evaluations).hasSize(2);
        assertThat(evaluations.findValuesAsString("memberId")).containsExactly(String.valueOf(f.member(0)),
                String.valueOf(f.member(1)));
        assertThat(evaluations.get(0).path("comment").asString()).isEqualTo("测评意见");
    }

    @Test
    void aCoSignersRatingDoesNotMoveTheCase() {
        long id = f.caseIn("REPLIED", true);
        JsonNode p = ok(201, f.cosigner().post(P + "/" + id + "/evaluation", rating("UNSATISFIED", "UNSATISFIED")));
        expectStatus(p, "REPLIED");
        assertThat(p.path("satisfaction").isNull()).isTrue();
        JsonNode move = last(p.path("history"));
        assertThat(move.path("fromStatus").asString()).isEqualTo("REPLIED");
        assertThat(move.path("toStatus").asString()).isEqualTo("REPLIED");

        expectStatus(ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED"))), "CLOSED");
    }

    @Test
    void unsatisfiedTheFirstTimeMeansRehandlingOnceThenTheCaseCloses() {
        long id = f.caseIn("REPLIED", true);
        JsonNode p = ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "UNSATISFIED")));

        expectStatus(p, "REHANDLING");
        assertThat(p.path("rehandled").asBoolean()).isTrue();
        LocalDate due = LocalDate.parse(p.path("dueDate").asString());
        LocalDate month = LocalDate.now().plusMonths(1);
        assertThat(due).isBetween(month, month.plusDays(10));
        assertThat(last(p.path("history")).path("note").asString()).isEqualTo("SATISFIED/UNSATISFIED · " + due);
        assertThat(p.path("satisfaction").path("result").asString()).isEqualTo("UNSATISFIED");

        refused(409, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
        expectStatus(ok(201, f.cosigner().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED"))), "REHANDLING");
        refused(409, f.cosigner().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));

        // the new round needs a new contact with the proposer before the reply
        refused(409, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "第二次答复")));
        f.replyAgain(id, "A");
        p = f.get(id);
        assertThat(p.path("replyRound").asInt()).isEqualTo(2);
        assertThat(p.path("handlingRecords").findValuesAsString("round")).containsExactly("0", "1");

        // unsatisfied again: it closes now
        p = ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("UNSATISFIED", "UNSATISFIED")));
        expectStatus(p, "CLOSED");
        ok(201, f.cosigner().post(P + "/" + id + "/evaluation", rating("BASICALLY_SATISFIED", "BASICALLY_SATISFIED")));
        refused(409, f.cosigner().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
        JsonNode evaluations = f.get(id).path("evaluations");
        assertThat(evaluations.findValuesAsString("round")).containsExactly("1", "1", "2", "2");
        assertThat(f.get(id).path("satisfaction").path("result").asString()).isEqualTo("UNSATISFIED");
    }

    @Test
    void aReplyReturnedDuringRehandlingGoesBackToRehandling() {
        long id = f.caseIn("REPLIED");
        expectStatus(ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "UNSATISFIED"))), "REHANDLING");
        f.contact(id);
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", "重新办理后的答复"))),
                "REPLY_REVIEW");

        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "请补充落实情况")));

        // still marked and counted as rehandled, not back to ordinary handling
        expectStatus(p, "REHANDLING");
        assertThat(p.path("rehandled").asBoolean()).isTrue();
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("RETURN_REPLY");
        assertThat(move.path("fromStatus").asString()).isEqualTo("REPLY_REVIEW");
        assertThat(move.path("toStatus").asString()).isEqualTo("REHANDLING");
        assertThat(move.path("note").asString()).isEqualTo("请补充落实情况");
        // the unit replies again from there
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", "补充后的答复"))),
                "REPLY_REVIEW");
    }

    @Test
    void anUnsatisfiedAttitudeAloneDoesNotSendTheCaseBack() {
        long id = f.caseIn("REPLIED");
        expectStatus(ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("UNSATISFIED", "SATISFIED"))), "CLOSED");
    }

    @Test
    void onlyProposersRate() {
        long id = f.caseIn("REPLIED", true);
        Map<String, Object> body = rating("SATISFIED", "SATISFIED");
        for (Api who : List.of(f.staff(), f.admin, f.leadUnit(), f.leadUnitHead(), f.coUnit(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/evaluation", body));
        }
        for (Api who : List.of(f.other(), f.otherUnit(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/evaluation", body));
        }
        refused(404, f.lead().post(P + "/99999999/evaluation", body));
        // a published case is visible to every member, but only its proposers rate it
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        refused(403, f.other().post(P + "/" + id + "/evaluation", body));
        refused(403, f.leaderGov().post(P + "/" + id + "/evaluation", body));
        assertThat(f.get(id).path("evaluations")).isEmpty();
    }

    @Test
    void ratingRejectsBadInput() {
        long id = f.caseIn("REPLIED");
        invalid(f.lead().post(P + "/" + id + "/evaluation", Map.of()), "attitude", "result");
        invalid(f.lead().post(P + "/" + id + "/evaluation", Map.of("attitude", "GOOD", "result", "SATISFIED")), "attitude");
        invalid(f.lead().post(P + "/" + id + "/evaluation", Map.of("attitude", "SATISFIED", "result", "SATISFIED",
                "comment", "长".repeat(4001))), "comment");
        expectStatus(f.get(id), "REPLIED");
    }

    @Test
    void noRatingBeforeTheReplyIsOut() {
        Map<String, Object> body = rating("SATISFIED", "SATISFIED");
        wrongState(f.lead().post(P + "/" + f.caseIn("IN_PROGRESS") + "/evaluation", body), "办理中");
        wrongState(f.lead().post(P + "/" + f.caseIn("REPLY_REVIEW") + "/evaluation", body), "答复审核中");
        wrongState(f.lead().post(P + "/" + f.caseIn("FILED") + "/evaluation", body), "已立案");
    }

    @Test
    void theProposersOfAMergedCaseRateTheTargetsReply() {
        long target = f.caseIn("FILED");
        Api author = f.other();
        long source = ok(201, author.post(P, f.c.draft("关于养老服务的并案建议", List.of(f.member(2))))).path("id").asLong();
        ok(200, author.post(P + "/" + source + "/submit", Map.of()));
        ok(200, f.cosigner2().post(P + "/" + source + "/cosign", Map.of("accept", true)));
        ok(200, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", target)));
        f.advance(target, "REPLIED", false);

        // the merged case's proposers read the reply and rate it; they do not move the case
        assertThat(ok(200, author.get(P + "/" + target)).path("replyContent").asString()).isNotBlank();
        expectStatus(ok(201, author.post(P + "/" + target + "/evaluation", rating("SATISFIED", "UNSATISFIED"))), "REPLIED");
        expectStatus(ok(201, f.cosigner2().post(P + "/" + target + "/evaluation", rating("SATISFIED", "SATISFIED"))), "REPLIED");
        refused(409, author.post(P + "/" + target + "/evaluation", rating("SATISFIED", "SATISFIED")));
        expectStatus(ok(201, f.lead().post(P + "/" + target + "/evaluation", rating("SATISFIED", "SATISFIED"))), "CLOSED");
        assertThat(f.get(target).path("evaluations")).hasSize(3);
        // the merged case itself is not rated
        wrongState(author.post(P + "/" + source + "/evaluation", rating("SATISFIED", "SATISFIED")), "已并案");
    }
}
