package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;
import static org.xieshang.proposal.Cases.refused;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 2: split handling (分办) — each unit replies for its own part, each part is signed,
 * reviewed and rated on its own, and the case closes when every part is closed.
 */
class SplitHandlingApiTest extends ProposalApiTestBase {

    /** A split case of units 0 (lead) and 1, taken on by the lead unit: two parts in progress. */
    private long splitCase() {
        long id = f.caseIn("FILED");
        JsonNode p = ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1)), "handlingMode", "SPLIT")));
        assertThat(p.path("handlingMode").asString()).isEqualTo("SPLIT");
        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        return id;
    }

    private void contact(Api unit, long id) {
        ok(201, unit.post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "电话联系提案人")));
    }

    private static JsonNode part(JsonNode p, long unitId) {
        for (JsonNode x : p.path("parts")) {
            if (x.path("unitId").asLong() == unitId) {
                return x;
            }
        }
        throw new AssertionError("no part of unit " + unitId + " in " + p);
    }

    @Test
    void eachUnitRepliesForItsPartAndTheCaseClosesWithTheLastPart() {
        long id = splitCase();
        JsonNode p = f.get(id);
        assertThat(p.path("parts")).hasSize(2);
        assertThat(part(p, f.unit(0)).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(part(p, f.unit(1)).path("status").asString()).isEqualTo("IN_PROGRESS");

        // the co-unit replies for its own part: no opinion to the lead unit is needed
        contact(f.coUnit(), id);
        JsonNode afterCo = ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), id, Map.of("category", "B", "content", "协办部分答复")));
        expectStatus(afterCo, "IN_PROGRESS");
        assertThat(part(afterCo, f.unit(1)).path("status").asString()).isEqualTo("REPLY_REVIEW");
        assertThat(part(afterCo, f.unit(1)).path("replySignedOff").asBoolean()).isTrue();
        assertThat(part(afterCo, f.unit(0)).path("status").asString()).isEqualTo("IN_PROGRESS");

        // staff review one part, named by its unit
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true)), "unitId");
        invalid(f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(2))), "unitId");
        JsonNode reviewed = ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(1))));
        assertThat(part(reviewed, f.unit(1)).path("status").asString()).isEqualTo("REPLIED");
        expectStatus(reviewed, "IN_PROGRESS");
        assertThat(reviewed.path("repliedOn").isNull()).as("replied only when every part is").isTrue();

        // the proposer rates that part on its own: it closes, the case waits for the other part
        JsonNode rated = ok(201, f.lead().post(P + "/" + id + "/evaluation", withUnit(rating("SATISFIED", "SATISFIED"), f.unit(1))));
        assertThat(part(rated, f.unit(1)).path("status").asString()).isEqualTo("CLOSED");
        assertThat(part(rated, f.unit(1)).path("rating").path("result").asString()).isEqualTo("SATISFIED");
        expectStatus(rated, "IN_PROGRESS");

        // the lead unit's part: reply, the head's signature, review, rating — the case closes
        contact(f.leadUnit(), id);
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", "主办部分答复"))), "REPLY_REVIEW");
        JsonNode replied = ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(0))));
        expectStatus(replied, "REPLIED");
        assertThat(replied.path("replyCategory").asString()).as("the lead unit's part's class").isEqualTo("A");
        assertThat(replied.path("repliedOn").asString()).isEqualTo(LocalDate.now().toString());
        JsonNode seen = ok(200, f.lead().get(P + "/" + id));
        assertThat(seen.path("replyContent").asString()).contains("主办部分答复").contains("协办部分答复");
        assertThat(part(seen, f.unit(0)).path("reply").asString()).isEqualTo("主办部分答复");
        JsonNode closed = ok(201, f.lead().post(P + "/" + id + "/evaluation", withUnit(rating("SATISFIED", "BASICALLY_SATISFIED"), f.unit(0))));
        expectStatus(closed, "CLOSED");
        assertThat(closed.path("satisfaction").path("result").asString()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(closed.path("closedOn").asString()).isEqualTo(LocalDate.now().toString());
    }

    @Test
    void aUnitCannotReplyForAnotherUnitsPart() {
        long id = splitCase();
        contact(f.coUnit(), id);
        Map<String, Object> body = Map.of("category", "A", "content", "代为答复", "unitId", f.unit(0));
        refused(403, f.coUnit().post(P + "/" + id + "/reply", body));
        refused(403, f.unitHead(1).post(P + "/" + id + "/reply-signoff", Map.of("approve", true, "unitId", f.unit(0))));
        // nor may staff, proposers or a unit without a part reply; an unrelated unit does not see the case
        for (Api who : List.of(f.staff(), f.lead())) {
            refused(403, who.post(P + "/" + id + "/reply", Map.of("category", "A", "content", "答复")));
        }
        refused(404, f.otherUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "答复")));
        // its own part it may
        JsonNode own = ok(200, f.coUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "本单位答复",
                "unitId", f.unit(1))));
        assertThat(part(own, f.unit(1)).path("status").asString()).isEqualTo("REPLY_REVIEW");
        assertThat(part(own, f.unit(0)).path("status").asString()).isEqualTo("IN_PROGRESS");
        // a part's reply waits for its own unit's head; the other unit's head may not sign it
        refused(403, f.leadUnitHead().post(P + "/" + id + "/reply-signoff", Map.of("approve", true, "unitId", f.unit(1))));
        refused(409, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(1))));
        refused(409, f.coUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "再答复")));
    }

    @Test
    void anUnsatisfiedPartIsRehandledAlone() {
        long id = splitCase();
        contact(f.coUnit(), id);
        contact(f.leadUnit(), id);
        ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), id, Map.of("category", "C", "content", "协办答复")));
        ok(200, f.replySigned(id, Map.of("category", "A", "content", "主办答复")));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(0))));
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(1)))),
                "REPLIED");
        invalid(f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")), "unitId");
        ok(201, f.lead().post(P + "/" + id + "/evaluation", withUnit(rating("SATISFIED", "SATISFIED"), f.unit(0))));
        JsonNode back = ok(201, f.lead().post(P + "/" + id + "/evaluation", withUnit(rating("UNSATISFIED", "UNSATISFIED"), f.unit(1))));
        expectStatus(back, "REHANDLING");
        assertThat(back.path("rehandled").asBoolean()).isTrue();
        assertThat(part(back, f.unit(0)).path("status").asString()).isEqualTo("CLOSED");
        assertThat(part(back, f.unit(1)).path("status").asString()).isEqualTo("REHANDLING");
        refused(409, f.lead().post(P + "/" + id + "/evaluation", withUnit(rating("SATISFIED", "SATISFIED"), f.unit(1))));
    }

    @Test
    void jointHandlingStaysOneReplyWithoutParts() {
        long id = f.caseIn("REPLIED");
        assertThat(f.get(id).path("handlingMode").asString()).isEqualTo("JOINT");
        assertThat(f.get(id).path("parts")).isEmpty();
    }

    @Test
    void onTheCasePageStaffReviewAndTheProposerRatesEachPartUnderItsReply() {
        long id = splitCase();
        contact(f.coUnit(), id);
        ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), id, Map.of("category", "B", "content", "协办部分的页面答复")));
        String page = "/proposals/" + id;
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null);
        PageClient lead = page(List.of("MEMBER"), f.member(0));
        assertThat(staff.get(page).body()).contains("action-reply-review-" + f.unit(1))
                .doesNotContain("action-reply-review-" + f.unit(0)).doesNotContain("id=\"action-reply-review\"");
        // a part that is not there is a form error, not a 500
        assertThat(staff.post(page + "/reply-review", Map.of("approve", "true", "unitId", "abc")).status()).isEqualTo(400);
        PageClient.Page approved = staff.post(page + "/reply-review", Map.of("approve", "true", "unitId", f.unit(1)));
        assertThat(approved.status()).isLessThan(400);
        assertThat(part(f.get(id), f.unit(1)).path("status").asString()).isEqualTo("REPLIED");

        assertThat(lead.get(page).body()).contains("action-evaluate-" + f.unit(1)).doesNotContain("action-evaluate-" + f.unit(0));
        PageClient.Page rated = lead.post(page + "/evaluation", Map.of("unitId", f.unit(1), "attitude", "SATISFIED",
                "result", "SATISFIED"));
        assertThat(rated.status()).isLessThan(400);
        JsonNode p = f.get(id);
        assertThat(part(p, f.unit(1)).path("status").asString()).isEqualTo("CLOSED");
        assertThat(p.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(lead.get(page).body()).doesNotContain("action-evaluate-" + f.unit(1));
    }

    private PageClient page(List<String> roles, Long memberId) {
        return new PageClient(port).signIn(TestSupport.account(f.admin, roles, memberId, null, "split-page-pass-1").username(),
                "split-page-pass-1");
    }

    private static Map<String, Object> withUnit(Map<String, Object> body, long unitId) {
        Map<String, Object> out = new java.util.HashMap<>(body);
        out.put("unitId", unitId);
        return out;
    }
}
