package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.SubmissionApiTest.last;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** Issue 15 point 1: the lead unit's head signs the handler's reply before staff review it. */
class ReplySignoffApiTest extends ProposalApiTestBase {

    private static final String SETTINGS = P + "/settings";
    private static final Map<String, Object> APPROVE = Map.of("approve", true);

    /** A case whose handler has replied; the reply waits for the head. */
    private long replied() {
        long id = f.caseIn("IN_PROGRESS");
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        JsonNode p = ok(200, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "B", "content", "拟列入明年计划")));
        expectStatus(p, "REPLY_REVIEW");
        assertThat(p.path("replySignedOff").asBoolean()).isFalse();
        return id;
    }

    private static String signoff(long id) {
        return P + "/" + id + "/reply-signoff";
    }

    @Test
    void theHeadSignsAndOnlyThenStaffReview() {
        long id = replied();
        // staff cannot review an unsigned reply, either way
        refused(409, f.staff().post(P + "/" + id + "/reply-review", APPROVE));
        refused(409, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "请补充")));
        int audited = ok(200, f.admin.get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id)).path("items").size();

        JsonNode signed = ok(200, f.leadUnitHead().post(signoff(id), APPROVE));
        expectStatus(signed, "REPLY_REVIEW");
        assertThat(signed.path("replySignedOff").asBoolean()).isTrue();
        JsonNode line = last(signed.path("history"));
        assertThat(line.path("action").asString()).isEqualTo("SIGN_OFF_REPLY");
        assertThat(ok(200, f.admin.get("/api/v1/audit/entries?entityType=Proposal&entityId=" + id)).path("items").size())
                .isGreaterThan(audited);
        assertThat(ok(200, f.staff().get("/api/v1/notifications?size=200")).toString()).contains("答复待审核");
        // signed once: a second signature is a conflict
        refused(409, f.leadUnitHead().post(signoff(id), APPROVE));

        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", APPROVE)), "REPLIED");
    }

    @Test
    void theOfficesQueueListsSignedRepliesAndCountsThoseAwaitingTheHead() {
        long id = replied();
        String title = ok(200, f.staff().get(P + "/" + id)).path("title").asString();
        String staffName = org.xieshang.support.Fixtures.user(f.admin, "PROPOSAL_STAFF").json().path("username").asString();
        var office = new org.xieshang.support.PageClient(port).signIn(staffName, org.xieshang.support.Fixtures.USER_PASSWORD);
        // unsigned: not in the office's queue (its to-do does not count it either), but counted as awaiting the head
        assertThat(office.get("/proposals/replies").body()).doesNotContain(title).contains("id=\"replies-awaiting-head\"");
        ok(200, f.leadUnitHead().post(signoff(id), APPROVE));
        assertThat(office.get("/proposals/replies").body()).contains(title);
    }

    @Test
    void theHeadReturnsTheReplyToTheHandlerWithAReason() {
        long id = replied();
        JsonNode back = ok(200, f.leadUnitHead().post(signoff(id), Map.of("approve", false, "reason", "请补充资金来源")));
        expectStatus(back, "IN_PROGRESS");
        assertThat(back.path("signoffReturnReason").asString()).isEqualTo("请补充资金来源");
        assertThat(last(back.path("history")).path("action").asString()).isEqualTo("RETURN_SIGNOFF");
        assertThat(ok(200, f.leadUnit().get(P + "/" + id)).path("signoffReturnReason").asString()).isEqualTo("请补充资金来源");
        assertThat(ok(200, f.leadUnit().get("/api/v1/notifications?size=200")).toString()).contains("单位负责人退回答复");
        // the reason is the unit's business: the proposer does not read it
        JsonNode seen = ok(200, f.lead().get(P + "/" + id));
        assertThat(seen.path("signoffReturnReason").isNull() || seen.path("signoffReturnReason").isMissingNode()).isTrue();
        assertThat(seen.toString()).doesNotContain("请补充资金来源");
        // nothing to sign while the handler rewrites
        refused(409, f.leadUnitHead().post(signoff(id), APPROVE));

        JsonNode again = ok(200, f.replySigned(id, Map.of("category", "A", "content", "已落实资金")));
        assertThat(again.path("replySignedOff").asBoolean()).isTrue();
        assertThat(again.path("signoffReturnReason").isNull()).isTrue();
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", APPROVE)), "REPLIED");
    }

    @Test
    void aReplyWrittenByTheHeadIsSignedAlready() {
        long id = f.caseIn("IN_PROGRESS");
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        JsonNode p = ok(200, f.leadUnitHead().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "已采纳")));
        assertThat(p.path("replySignedOff").asBoolean()).isTrue();
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", APPROVE)), "REPLIED");
    }

    @Test
    void onlyTheLeadUnitsHeadSigns() {
        long id = replied();
        // the handler, staff, the admin, proposers and leaders who see the case: 403
        for (Api who : List.of(f.leadUnit(), f.staff(), f.admin, f.lead(), f.leaderCppcc())) {
            refused(403, who.post(signoff(id), APPROVE));
        }
        // the co-unit's head sees the case but is not the lead unit's head
        refused(403, f.unitHead(1).post(signoff(id), APPROVE));
        // other units and members who do not see the case: 404
        for (Api who : List.of(f.otherUnit(), f.unitHead(2), f.other(), f.leaderGov())) {
            refused(404, who.post(signoff(id), APPROVE));
        }
        refused(404, f.leadUnitHead().post(P + "/99999999/reply-signoff", APPROVE));
        refused(401, f.admin.anonymous().post(signoff(id), APPROVE));
        assertThat(f.get(id).path("replySignedOff").asBoolean()).isFalse();
    }

    @Test
    void badInputIs400() {
        long id = replied();
        invalid(f.leadUnitHead().post(signoff(id), Map.of()), "approve");
        invalid(f.leadUnitHead().post(signoff(id), Map.of("approve", false)), "reason");
        invalid(f.leadUnitHead().post(signoff(id), Map.of("approve", false, "reason", "  ")), "reason");
        invalid(f.leadUnitHead().post(signoff(id), Map.of("approve", false, "reason", "长".repeat(4001))), "reason");
        Api.Res en = f.leadUnitHead().lang("en").post(signoff(id), Map.of());
        refused(400, en);
        assertThat(en.get("detail")).doesNotContainPattern("\\p{IsHan}");
        assertThat(f.get(id).path("replySignedOff").asBoolean()).isFalse();
    }

    @Test
    void nothingToSignBeforeAReply() {
        long id = f.caseIn("IN_PROGRESS");
        refused(409, f.leadUnitHead().post(signoff(id), APPROVE));
        long closed = f.caseIn("CLOSED");
        refused(409, f.leadUnitHead().post(signoff(closed), APPROVE));
    }

    @Test
    void parallelSignaturesSignOnce() {
        long id = replied();
        List<Api.Res> answers = ProposalConcurrencyTest.parallel(8, i -> f.leadUnitHead().post(signoff(id),
                i % 2 == 0 ? APPROVE : Map.of("approve", false, "reason", "退回 " + i)));
        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() != 200)).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        List<String> actions = f.get(id).path("history").findValuesAsString("action");
        assertThat(actions.stream().filter(a -> a.equals("SIGN_OFF_REPLY") || a.equals("RETURN_SIGNOFF"))).hasSize(1);
    }

    @Test
    void aCommitteeMayDoWithoutTheSignature() {
        Map<String, Object> original = new HashMap<>();
        ok(200, f.staff().get(SETTINGS)).properties().forEach(e -> original.put(e.getKey(), e.getValue()));
        assertThat(original.get("replySignoffRequired").toString()).isEqualTo("true");
        Map<String, Object> off = new HashMap<>(original);
        off.put("replySignoffRequired", false);
        try {
            assertThat(ok(200, f.staff().put(SETTINGS, off)).path("replySignoffRequired").asBoolean()).isFalse();
            long id = f.caseIn("IN_PROGRESS");
            f.contact(id);
            ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
            JsonNode p = ok(200, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "已采纳")));
            assertThat(p.path("replySignedOff").asBoolean()).isTrue();
            refused(409, f.leadUnitHead().post(signoff(id), APPROVE));
            expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", APPROVE)), "REPLIED");
            // a settings body without the flag leaves it as it is
            Map<String, Object> without = new HashMap<>(off);
            without.remove("replySignoffRequired");
            assertThat(ok(200, f.staff().put(SETTINGS, without)).path("replySignoffRequired").asBoolean()).isFalse();
        } finally {
            ok(200, f.admin.put(SETTINGS, original));
        }
    }
}
