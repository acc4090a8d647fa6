package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ids;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The public (no login) API of published proposals: staff choose what is published, confidential
 * cases never are, and what is not published is unknown (404) to the public, in lists, search
 * and single reads; a reply shows only once approved; another committee's cases never leak.
 */
class PublicProposalApiTest extends ProposalApiTestBase {

    static final String PUB = "/api/v1/public/proposals";
    /** Rare characters: a random run of four is a word no other test's text contains. */
    private static final String RARE = "甄赟婺麒瑄璟琰珩玥翊煜炅昶晟暄曦彧骞铮钰锴镕澍濯沅沚";

    @Autowired
    CommitteeProvisioning provisioning;

    static String word() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(RARE.charAt(ThreadLocalRandom.current().nextInt(RARE.length())));
        }
        return sb.toString();
    }

    /** A case whose subject carries the given word, moved to the state. */
    static long caseWith(Cases f, String word, String state) {
        Map<String, Object> body = new HashMap<>(f.c.draft("关于" + word + "片区背街小巷改造的建议", List.of()));
        long id = ok(201, f.lead().post(P, body)).path("id").asLong();
        return f.advance(id, state, false);
    }

    private static void publish(Cases f, long id, boolean published) {
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", published)));
    }

    private List<Long> listed(Api who, Map<String, ?> query) {
        Map<String, Object> q = new HashMap<>(query);
        q.putIfAbsent("size", 200);
        return ids(ok(200, who.get(PUB, q)));
    }

    /** Every page of the default committee's public list (other test classes publish in it too). */
    private List<Long> allListed() {
        List<Long> out = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = ok(200, api.get(PUB, Map.of("size", 200, "page", page)));
            out.addAll(ids(p));
            if ((long) (page + 1) * 200 >= p.path("total").asLong()) {
                return out;
            }
        }
    }

    @Test
    void aPublishedCaseIsReadByAnyoneWithItsReplyAndNothingInternal() {
        String w = word();
        long id = caseWith(f, w, "REPLIED");
        // not yet published: unknown to the public everywhere
        refused(404, api.get(PUB + "/" + id));
        assertThat(allListed()).doesNotContain(id);
        assertThat(listed(api, Map.of("q", w))).isEmpty();

        publish(f, id, true);
        JsonNode c = ok(200, api.get(PUB + "/" + id));
        JsonNode staffView = f.get(id);
        assertThat(c.path("title").asString()).contains(w);
        assertThat(c.path("number").asString()).isEqualTo(staffView.path("number").asString()).isNotBlank();
        assertThat(c.path("background").asString()).isEqualTo(staffView.path("background").asString());
        assertThat(c.path("suggestions").asString()).isEqualTo(staffView.path("suggestions").asString());
        assertThat(c.path("stage").asString()).isEqualTo("REPLIED");
        assertThat(c.path("replyCategory").asString()).isEqualTo("B");
        assertThat(c.path("replyContent").asString()).isEqualTo("已列入明年工作计划，分步实施");
        assertThat(c.path("repliedOn").asString()).isEqualTo(staffView.path("repliedOn").asString());
        assertThat(c.path("leadUnit").asString()).isEqualTo(staffView.path("leadUnitName").asString()).isNotBlank();
        assertThat(c.path("coUnits").values()).hasSize(1);
        String leadName = ok(200, f.admin.get("/api/v1/members/" + f.member(0))).path("name").asString();
        assertThat(c.path("proposers").values()).extracting(JsonNode::asString).containsExactly(leadName);
        // no internal handling, ratings, history, ids of people, or flags
        for (String internal : List.of("history", "records", "evaluations", "attachments", "coOpinions", "dueDate",
                "published", "confidential", "leadUnitId", "coUnitIds", "satisfaction", "status")) {
            assertThat(c.has(internal)).as(internal).isFalse();
        }
        String raw = api.get(PUB + "/" + id).body();
        assertThat(raw).doesNotContain("电话联系提案人").doesNotContain("同意主办单位意见").doesNotContain("memberId");

        // the list and the search find it, with the public facts only
        assertThat(allListed()).contains(id);
        JsonNode found = ok(200, api.get(PUB, Map.of("q", w)));
        assertThat(ids(found)).containsExactly(id);
        JsonNode row = found.path("items").get(0);
        assertThat(row.path("number").asString()).isEqualTo(c.path("number").asString());
        assertThat(row.path("title").asString()).isEqualTo(c.path("title").asString());
        assertThat(row.path("category").asString()).isEqualTo("城乡建设");
        assertThat(row.path("leadUnit").asString()).isEqualTo(c.path("leadUnit").asString());
        assertThat(row.path("replyCategory").asString()).isEqualTo("B");
        assertThat(row.path("snippet").asString()).contains("<mark>");
        // in English too, and a signed-in member reads it the same way
        assertThat(ok(200, api.lang("en").get(PUB + "/" + id)).path("title").asString()).contains(w);
        assertThat(ok(200, f.other().get(PUB + "/" + id)).path("title").asString()).contains(w);

        // withdrawn from publication: unknown again, and gone from list and search at once
        publish(f, id, false);
        refused(404, api.get(PUB + "/" + id));
        assertThat(allListed()).doesNotContain(id);
        assertThat(listed(api, Map.of("q", w))).isEmpty();
        assertThat(f.get(id).path("history").values()).extracting(h -> h.path("action").asString())
                .containsSubsequence("PUBLISH", "UNPUBLISH");
    }

    @Test
    void confidentialCasesAreNeverPublic() {
        String w = word();
        long id = caseWith(f, w, "CLOSED");
        publish(f, id, true);
        assertThat(listed(api, Map.of("q", w))).containsExactly(id);

        // marking it confidential withdraws it from the public at once (database and index)
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("confidential", true)));
        refused(404, api.get(PUB + "/" + id));
        assertThat(listed(api, Map.of("q", w))).isEmpty();
        assertThat(allListed()).doesNotContain(id);

        JsonNode conflict = refused(409, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        assertThat(conflict.path("detail").asString()).isEqualTo("涉密提案不能公开，请先取消涉密标记。");
        refused(409, f.staff().post(P + "/" + id + "/publication", Map.of("published", true, "confidential", true)));
        refused(404, api.get(PUB + "/" + id));
        assertThat(listed(api, Map.of("q", w))).isEmpty();
        JsonNode staffView = f.get(id);
        assertThat(staffView.path("confidential").asBoolean()).isTrue();
        assertThat(staffView.path("published").asBoolean()).isFalse();
        assertThat(staffView.path("history").values()).extracting(h -> h.path("action").asString())
                .containsSubsequence("PUBLISH", "MARK_CONFIDENTIAL");
    }

    @Test
    void aReplyIsPublicOnlyOnceApproved() {
        String w = word();
        String replyWord = word();
        long id = caseWith(f, w, "IN_PROGRESS");
        publish(f, id, true);
        JsonNode c = ok(200, api.get(PUB + "/" + id));
        assertThat(c.path("stage").asString()).isEqualTo("HANDLING");
        assertThat(c.path("replyContent").isNull()).isTrue();

        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        String draft = "关于" + replyWord + "的答复草稿";
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", draft))),
                "REPLY_REVIEW");
        // under review: neither shown nor findable by its words
        c = ok(200, api.get(PUB + "/" + id));
        assertThat(c.path("replyContent").isNull()).isTrue();
        assertThat(c.path("replyCategory").isNull()).isTrue();
        assertThat(api.get(PUB + "/" + id).body()).doesNotContain(replyWord);
        assertThat(listed(api, Map.of("q", replyWord))).isEmpty();
        assertThat(listed(api, Map.of("q", w))).containsExactly(id);

        // sent back: still the unit's and the office's business
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "请补充"))),
                "IN_PROGRESS");
        assertThat(api.get(PUB + "/" + id).body()).doesNotContain(replyWord);
        assertThat(listed(api, Map.of("q", replyWord))).isEmpty();

        String approved = "关于" + replyWord + "的正式答复";
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", approved))),
                "REPLY_REVIEW");
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
        c = ok(200, api.get(PUB + "/" + id));
        assertThat(c.path("replyContent").asString()).isEqualTo(approved);
        assertThat(c.path("replyCategory").asString()).isEqualTo("A");
        JsonNode found = ok(200, api.get(PUB, Map.of("q", replyWord)));
        assertThat(ids(found)).containsExactly(id);
        assertThat(found.path("items").get(0).path("snippet").asString()).contains("<mark>");
    }

    @Test
    void onlyStaffChoosePublicationAndAnonymousCallersAreUnauthenticated() {
        long id = f.caseIn("REPLIED");
        Map<String, Object> body = Map.of("published", true);
        for (Api who : List.of(f.lead(), f.leadUnit(), f.leadUnitHead(), f.coUnit(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/publication", body));
        }
        // those who cannot see an unpublished case do not learn it exists
        refused(404, f.other().post(P + "/" + id + "/publication", body));
        refused(401, api.post(P + "/" + id + "/publication", body));
        publish(f, id, true);
        // once published every signed-in user sees it, and is refused changing its publication
        Map<String, Object> withdraw = Map.of("published", false);
        for (Api who : List.of(f.other(), f.otherUnit(), f.leaderGov(), f.lead(), f.leaderCppcc())) {
            refused(403, who.post(P + "/" + id + "/publication", withdraw));
        }
        refused(401, api.post(P + "/" + id + "/publication", withdraw));
        ok(200, api.get(PUB + "/" + id));
        // the office may, too
        ok(200, f.admin.post(P + "/" + id + "/publication", withdraw));
        refused(404, api.get(PUB + "/" + id));

        // nothing else opens for anonymous callers
        refused(401, api.get(P + "/" + id));
        refused(401, api.get(P));
        refused(401, api.get("/api/v1/proposals/stats"));
    }

    @Test
    void badInputIsRefusedClearly() {
        long id = f.caseIn("REPLIED");
        invalid(f.staff().post(P + "/" + id + "/publication", Map.of("published", "ja")), "published");
        invalid(f.staff().post(P + "/" + id + "/publication", Map.of()), "published");
        refused(404, f.staff().post(P + "/99999999/publication", Map.of("published", true)));
        invalid(api.get(PUB, Map.of("size", 500)), "size");
        invalid(api.get(PUB, Map.of("size", 0)), "size");
        invalid(api.get(PUB, Map.of("page", -1)), "page");
        refused(400, api.get(PUB, Map.of("page", "x")));
        refused(404, api.get(PUB + "/99999999"));
        refused(404, api.get(PUB + "/abc"));
        refused(404, api.get(PUB + "/" + id + "0000000000000000000000"));
        refused(404, api.get(PUB, Map.of("committee", "99999999")));
        refused(404, api.get(PUB, Map.of("committee", "abc")));
        // query syntax is plain text, never an error
        assertThat(ok(200, api.get(PUB, Map.of("q", "\"(*:AND"))).path("items").values()).isEmpty();
        // a case that is not past filing cannot be published at all
        Cases.wrongState(f.staff().post(P + "/" + f.caseIn("SUBMITTED") + "/publication", Map.of("published", true)), "已提交");
    }

    @Test
    void anotherCommitteesPublishedCasesNeverLeak() {
        String adminB = TestSupport.unique("pub-admin-b");
        long committeeB = provisioning.provision(TestSupport.unique("乙区政协"), adminB, "committee-b-pass").id();
        Cases b = new Cases(api.login(adminB, "committee-b-pass"));
        String wa = word();
        String wb = word();
        long caseA = caseWith(f, wa, "REPLIED");
        long caseB = caseWith(b, wb, "REPLIED");
        publish(f, caseA, true);
        publish(b, caseB, true);

        // the default committee is the installation's first: A
        assertThat(allListed()).contains(caseA).doesNotContain(caseB);
        refused(404, api.get(PUB + "/" + caseB));
        assertThat(listed(api, Map.of("q", wb))).isEmpty();
        // B's public pages are B's alone
        Map<String, Object> inB = Map.of("committee", committeeB);
        assertThat(listed(api, inB)).containsExactly(caseB);
        assertThat(listed(api, Map.of("committee", committeeB, "q", wb))).containsExactly(caseB);
        assertThat(listed(api, Map.of("committee", committeeB, "q", wa))).isEmpty();
        assertThat(ok(200, api.get(PUB + "/" + caseB, inB)).path("title").asString()).contains(wb);
        refused(404, api.get(PUB + "/" + caseA, inB));
        // a signed-in user of A reads B's public pages as the public does, and no more
        assertThat(listed(f.staff(), inB)).containsExactly(caseB);
        refused(404, f.staff().get(P + "/" + caseB));
    }
}
