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
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** The units' work: handling records, co-units' opinions, the reply and its review, the implementation report. */
class HandlingApiTest extends ProposalApiTestBase {

    private static final String TODAY = LocalDate.now().toString();

    // --- POST /{id}/handling-records ---

    @Test
    void theLeadUnitsFirstRecordStartsTheHandling() {
        long id = f.caseIn("ASSIGNED");
        JsonNode p = ok(201, f.coUnit().post(P + "/" + id + "/handling-records", record("RESEARCH", "协办单位实地调研")));
        expectStatus(p, "ASSIGNED");
        p = ok(201, f.leadUnit().post(P + "/" + id + "/handling-records", record("PROPOSER_CONTACT", "电话联系提案人")));
        expectStatus(p, "IN_PROGRESS");

        assertThat(p.path("handlingRecords")).hasSize(2);
        JsonNode contact = p.path("handlingRecords").get(1);
        assertThat(contact.path("unitId").asLong()).isEqualTo(f.unit(0));
        assertThat(contact.path("type").asString()).isEqualTo("PROPOSER_CONTACT");
        assertThat(contact.path("date").asString()).isEqualTo(TODAY);
        assertThat(contact.path("content").asString()).isEqualTo("电话联系提案人");
        assertThat(contact.path("round").asInt()).isZero();
        assertThat(contact.path("author").asString()).isNotBlank();
        List<String> actions = p.path("history").findValuesAsString("action");
        assertThat(actions).endsWith("HANDLING_RESEARCH", "HANDLING_PROPOSER_CONTACT");
        JsonNode start = last(p.path("history"));
        assertThat(start.path("fromStatus").asString()).isEqualTo("ASSIGNED");
        assertThat(start.path("toStatus").asString()).isEqualTo("IN_PROGRESS");

        ok(201, f.leadUnitHead().post(P + "/" + id + "/handling-records", record("MEETING", "召开专题会议")));
        expectStatus(ok(201, f.leadUnit().post(P + "/" + id + "/handling-records", record("PROGRESS", "完成方案"))), "IN_PROGRESS");
    }

    @Test
    void onlyTheHandlingUnitsRecord() {
        long id = f.caseIn("IN_PROGRESS", true);
        Map<String, Object> body = record("RESEARCH", "调研");
        for (Api who : List.of(f.staff(), f.admin, f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/handling-records", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/handling-records", body));
        }
        refused(404, f.leadUnit().post(P + "/99999999/handling-records", body));
        assertThat(f.get(id).path("handlingRecords")).isEmpty();
    }

    @Test
    void recordsRejectBadInput() {
        long id = f.caseIn("ASSIGNED");
        String path = P + "/" + id + "/handling-records";
        invalid(f.leadUnit().post(path, Map.of()), "type", "date", "content");
        invalid(f.leadUnit().post(path, Map.of("type", "LUNCH", "date", TODAY, "content", "x")), "type");
        invalid(f.leadUnit().post(path, Map.of("type", "RESEARCH", "date", "2026-02-30", "content", "x")), "date");
        invalid(f.leadUnit().post(path, Map.of("type", "RESEARCH", "date", LocalDate.now().plusDays(1).toString(),
                "content", "x")), "date");
        invalid(f.leadUnit().post(path, Map.of("type", "RESEARCH", "date", LocalDate.now().minusDays(1).toString(),
                "content", "交办之前")), "date");
        invalid(f.leadUnit().post(path, Map.of("type", "RESEARCH", "date", TODAY, "content", "长".repeat(20001))), "content");
        invalid(f.leadUnit().post(path, Map.of("type", "RESEARCH", "date", TODAY, "content", " ")), "content");
        expectStatus(f.get(id), "ASSIGNED");
    }

    @Test
    void noRecordsWhileTheReplyIsReviewedOrAfterClosing() {
        wrongState(f.leadUnit().post(P + "/" + f.caseIn("REPLY_REVIEW") + "/handling-records", record("PROGRESS", "x")), "答复审核中");
        wrongState(f.coUnit().post(P + "/" + f.caseIn("REPLIED") + "/handling-records", record("PROGRESS", "x")), "已答复");
        wrongState(f.leadUnit().post(P + "/" + f.caseIn("CLOSED") + "/handling-records", record("PROGRESS", "x")), "已办结");
    }

    // --- POST /{id}/co-opinions ---

    @Test
    void aCoUnitGivesItsOpinionToTheLeadUnit() {
        long id = f.caseIn("IN_PROGRESS");
        JsonNode p = ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意主办单位意见，配合落实")));
        JsonNode mine = p.path("coUnits").get(0);
        assertThat(mine.path("unitId").asLong()).isEqualTo(f.unit(1));
        assertThat(mine.path("opinion").asString()).isEqualTo("同意主办单位意见，配合落实");
        assertThat(mine.path("opinionAt").isNull()).isFalse();
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("CO_OPINION");
    }

    @Test
    void onlyACoUnitGivesAnOpinion() {
        long id = f.caseIn("IN_PROGRESS", true);
        Map<String, Object> body = Map.of("content", "意见");
        for (Api who : List.of(f.leadUnit(), f.leadUnitHead(), f.staff(), f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/co-opinions", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/co-opinions", body));
        }
        refused(404, f.coUnit().post(P + "/99999999/co-opinions", body));
        invalid(f.coUnit().post(P + "/" + id + "/co-opinions", Map.of()), "content");
        invalid(f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "  ")), "content");
        assertThat(f.get(id).path("coUnits").get(0).path("opinion").isNull()).isTrue();
        wrongState(f.coUnit().post(P + "/" + f.caseIn("REPLY_REVIEW") + "/co-opinions", body), "答复审核中");
    }

    // --- POST /{id}/reply ---

    @Test
    void theLeadUnitRepliesToStaffReview() {
        long id = f.caseIn("IN_PROGRESS", true);
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        JsonNode p = ok(200, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "已采纳并落实")));

        expectStatus(p, "REPLY_REVIEW");
        assertThat(p.path("replyCategory").asString()).isEqualTo("A");
        assertThat(p.path("replyContent").asString()).isEqualTo("已采纳并落实");
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("REPLY");
        assertThat(move.path("note").asString()).isEqualTo("A");
        // the reply is the unit's and the office's business until it is approved
        assertThat(f.get(id).path("replyContent").asString()).isEqualTo("已采纳并落实");
        assertThat(ok(200, f.lead().get(P + "/" + id)).path("replyContent").isNull()).isTrue();
        assertThat(ok(200, f.coUnit().get(P + "/" + id)).path("replyContent").isNull()).isTrue();
    }

    @Test
    void aReplyNeedsContactWithTheProposer() {
        long id = f.caseIn("IN_PROGRESS");
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        JsonNode refusal = refused(409, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "答复")));
        assertThat(refusal.path("detail").asString()).contains("沟通联系");
        // research is not contact, and the co-unit's contact does not stand for the lead unit's
        ok(201, f.leadUnit().post(P + "/" + id + "/handling-records", record("RESEARCH", "调研")));
        ok(201, f.coUnit().post(P + "/" + id + "/handling-records", record("PROPOSER_CONTACT", "协办单位联系提案人")));
        refused(409, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "答复")));
        f.contact(id);
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", "答复"))),
                "REPLY_REVIEW");
    }

    @Test
    void aReplyWaitsForEveryCoUnitsOpinion() {
        long id = f.caseIn("FILED");
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1), f.unit(2)))));
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        JsonNode refusal = refused(409, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "B", "content", "答复")));
        assertThat(refusal.path("detail").asString()).contains("会签意见");
        ok(201, f.otherUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "B", "content", "答复"))),
                "REPLY_REVIEW");
    }

    @Test
    void onlyTheLeadUnitReplies() {
        long id = f.caseIn("IN_PROGRESS", true);
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        Map<String, Object> body = Map.of("category", "A", "content", "答复");
        for (Api who : List.of(f.coUnit(), f.staff(), f.admin, f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/reply", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/reply", body));
        }
        refused(404, f.leadUnit().post(P + "/99999999/reply", body));
        invalid(f.leadUnit().post(P + "/" + id + "/reply", Map.of()), "category", "content");
        invalid(f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "D", "content", "答复")), "category");
        invalid(f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "a", "content", "答复")), "category");
        invalid(f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "长".repeat(20001))), "content");
        expectStatus(f.get(id), "IN_PROGRESS");
        // the unit head signs replies
        expectStatus(ok(200, f.leadUnitHead().post(P + "/" + id + "/reply", body)), "REPLY_REVIEW");
    }

    @Test
    void aReplyOnlyWhileHandling() {
        long assigned = f.caseIn("ASSIGNED");
        wrongState(f.leadUnit().post(P + "/" + assigned + "/reply", Map.of("category", "A", "content", "答复")), "已交办");
        long review = f.caseIn("REPLY_REVIEW");
        wrongState(f.leadUnit().post(P + "/" + review + "/reply", Map.of("category", "A", "content", "答复")), "答复审核中");
        wrongState(f.leadUnit().post(P + "/" + f.caseIn("CLOSED") + "/reply", Map.of("category", "A", "content", "答复")), "已办结");
    }

    // --- POST /{id}/reply-review ---

    @Test
    void staffApproveTheReplyAndMayChangeItsCategory() {
        long id = f.caseIn("REPLY_REVIEW", true);
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "category", "A")));
        expectStatus(p, "REPLIED");
        assertThat(p.path("replyCategory").asString()).isEqualTo("A");
        assertThat(p.path("repliedOn").asString()).isEqualTo(TODAY);
        assertThat(p.path("replyRound").asInt()).isEqualTo(1);
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("APPROVE_REPLY");
        assertThat(move.path("note").asString()).isEqualTo("B → A");
        // now the proposers read it
        assertThat(ok(200, f.cosigner().get(P + "/" + id)).path("replyContent").asString()).isNotBlank();
    }

    @Test
    void staffSendTheReplyBackWithAReason() {
        long id = f.caseIn("REPLY_REVIEW");
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "答复过于简单")));
        expectStatus(p, "IN_PROGRESS");
        JsonNode move = last(p.path("history"));
        assertThat(move.path("action").asString()).isEqualTo("RETURN_REPLY");
        assertThat(move.path("note").asString()).isEqualTo("答复过于简单");
        assertThat(move.path("fromStatus").asString()).isEqualTo("REPLY_REVIEW");
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "B", "content", "补充后的答复"))),
                "REPLY_REVIEW");
    }

    @Test
    void onlyStaffReviewReplies() {
        long id = f.caseIn("REPLY_REVIEW", true);
        Map<String, Object> body = Map.of("approve", true);
        for (Api who : List.of(f.leadUnit(), f.leadUnitHead(), f.coUnit(), f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/reply-review", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/reply-review", body));
        }
        refused(404, f.staff().post(P + "/99999999/reply-review", body));
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of()), "approve");
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", "yes")), "approve");
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false)), "reason");
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "category", "Z")), "category");
        expectStatus(f.get(id), "REPLY_REVIEW");
        wrongState(f.staff().post(P + "/" + f.caseIn("IN_PROGRESS") + "/reply-review", body), "办理中");
        wrongState(f.staff().post(P + "/" + f.caseIn("REPLIED") + "/reply-review", Map.of("approve", false, "reason", "x")), "已答复");
    }

    // --- POST /{id}/implementation-report ---

    @Test
    void aBReplyIsFollowedUntilTheUnitReportsItDone() {
        long id = f.caseIn("REPLIED");
        JsonNode p = ok(200, f.leadUnit().post(P + "/" + id + "/implementation-report", Map.of("content", "计划已全部落实")));
        assertThat(p.path("implementedOn").asString()).isEqualTo(TODAY);
        assertThat(p.path("implementationNote").asString()).isEqualTo("计划已全部落实");
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("REPORT_IMPLEMENTED");
        refused(409, f.leadUnit().post(P + "/" + id + "/implementation-report", Map.of("content", "再次报告")));

        long closed = f.caseIn("CLOSED");
        ok(200, f.leadUnit().post(P + "/" + closed + "/implementation-report", Map.of("content", "办结后落实")));
    }

    @Test
    void onlyTheLeadUnitReportsAndOnlyForB() {
        long id = f.caseIn("REPLIED", true);
        Map<String, Object> body = Map.of("content", "已落实");
        for (Api who : List.of(f.coUnit(), f.staff(), f.lead(), f.cosigner(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/implementation-report", body));
        }
        for (Api who : List.of(f.otherUnit(), f.other(), f.leaderGov())) {
            refused(404, who.post(P + "/" + id + "/implementation-report", body));
        }
        refused(404, f.leadUnit().post(P + "/99999999/implementation-report", body));
        invalid(f.leadUnit().post(P + "/" + id + "/implementation-report", Map.of()), "content");
        wrongState(f.leadUnit().post(P + "/" + f.caseIn("IN_PROGRESS") + "/implementation-report", body), "办理中");

        long a = f.caseIn("REPLY_REVIEW");
        ok(200, f.staff().post(P + "/" + a + "/reply-review", Map.of("approve", true, "category", "A")));
        JsonNode refusal = refused(409, f.leadUnit().post(P + "/" + a + "/implementation-report", body));
        assertThat(refusal.path("detail").asString()).contains("B");
    }

    private static Map<String, Object> record(String type, String content) {
        return Map.of("type", type, "date", TODAY, "content", content);
    }
}
