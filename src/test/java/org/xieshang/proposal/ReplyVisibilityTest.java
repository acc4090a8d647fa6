package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Who reads which reply (issue 14, finding 2), as a matrix: the states a reply goes through × the roles around a
 * case × every way to read it (detail, timeline, API list search and its snippets, the search page, the public
 * API). The office and the lead unit read the unit's working reply; everyone else the reply as last approved —
 * its words never find the case nor show in a snippet, its class never shows before approval. Confidential
 * (涉密) cases do not surface in similar-case and category suggestions for members outside them.
 */
class ReplyVisibilityTest extends ProposalApiTestBase {

    private static final String PASSWORD = "reply-matrix-1";
    private final Random random = new Random(2);

    /** Who reads, and whether they read the working reply. */
    private record Reader(String name, Supplier<Api> api, boolean seesWorking, boolean seesCase) {
    }

    /** A state of the case: the working reply's words and class, the approved ones (null before approval). */
    private record State(String name, String working, String workingClass, String approved, String approvedClass) {
    }

    @Test
    void theMatrixOfStatesRolesAndWaysToRead() {
        long id = f.caseIn("IN_PROGRESS", true);
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true, "confidential", false)));
        List<Reader> readers = List.of(
                new Reader("PROPOSAL_STAFF", f::staff, true, true),
                new Reader("ADMIN", () -> f.admin, true, true),
                new Reader("UNIT_HANDLER (lead unit)", f::leadUnit, true, true),
                new Reader("UNIT_HEAD (lead unit)", f::leadUnitHead, true, true),
                new Reader("UNIT_HANDLER (co-unit)", f::coUnit, false, true),
                new Reader("MEMBER (lead proposer)", f::lead, false, true),
                new Reader("MEMBER (co-signer)", f::cosigner, false, true),
                new Reader("LEADER_CPPCC", f::leaderCppcc, false, true),
                new Reader("LEADER_GOV", f::leaderGov, false, true), // published: in everyone's scope
                new Reader("MEMBER (not a proposer)", f::other, false, true));
        List<String> checked = new ArrayList<>();

        // 1. the first reply, under review: nothing approved yet
        String w1 = words();
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意主办单位意见")));
        ok(200, f.replySigned(id, Map.of("category", "C", "content", "初次答复" + w1)));
        checkAll(id, new State("REPLY_REVIEW", w1, "C", null, null), readers, checked);

        // 2. sent back: the draft stays the unit's
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "请补充办理措施")));
        checkAll(id, new State("IN_PROGRESS (returned)", w1, "C", null, null), readers, checked);

        // 3. replied again and approved: everyone who sees the case reads it
        String w2 = words();
        ok(200, f.replySigned(id, Map.of("category", "A", "content", "正式答复" + w2)));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true)));
        checkAll(id, new State("REPLIED", w2, "A", w2, "A"), readers, checked);

        // 4. rehandled: the new round's draft under review, the approved reply still the first
        ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "UNSATISFIED")));
        String w3 = words();
        f.contact(id);
        ok(200, f.replySigned(id, Map.of("category", "B", "content", "重新办理答复" + w3)));
        checkAll(id, new State("REPLY_REVIEW (rehandled)", w3, "B", w2, "A"), readers, checked);

        System.out.println("Reply visibility matrix: " + checked.size() + " checks (4 states × " + readers.size()
                + " roles + public × detail, timeline, API search, search page, public API)");
    }

    private void checkAll(long id, State s, List<Reader> readers, List<String> checked) {
        for (Reader r : readers) {
            Api api = r.api().get();
            String who = s.name() + " / " + r.name();
            JsonNode detail = ok(200, api.get(P + "/" + id));
            String expectedText = r.seesWorking() ? s.working() : s.approved();
            String expectedClass = r.seesWorking() ? s.workingClass() : s.approvedClass();
            if (expectedText == null) {
                assertThat(detail.path("replyContent").isNull() || detail.path("replyContent").isMissingNode())
                        .as(who + ": detail reply").isTrue();
            } else {
                assertThat(detail.path("replyContent").asString()).as(who + ": detail reply").contains(expectedText);
            }
            JsonNode cls = detail.path("replyCategory");
            assertThat(cls.isNull() || cls.isMissingNode() ? null : cls.asString())
                    .as(who + ": detail class").isEqualTo(expectedClass);
            if (!r.seesWorking()) {
                assertThat(detail.toString()).as(who + ": detail, timeline").doesNotContain(hiddenWords(s));
                JsonNode history = detail.path("history");
                for (JsonNode h : history) {
                    if ("REPLY".equals(h.path("action").asString()) && !s.working().equals(s.approved())) {
                        assertThat(h.path("note").isNull() || h.path("note").asString().equals(s.approvedClass()))
                                .as(who + ": timeline note " + h).isTrue();
                    }
                }
            }
            checked.add(who + " detail");

            // the API's full-text search: the working words find the case only for its readers
            JsonNode found = ok(200, api.get(P + "?q=" + enc(s.working())));
            assertThat(Cases.ids(found).contains(id)).as(who + ": API search by the working reply").isEqualTo(r.seesWorking()
                    || s.working().equals(s.approved()));
            if (!r.seesWorking()) {
                assertThat(found.toString()).as(who + ": API snippets").doesNotContain(hiddenWords(s));
            }
            if (s.approved() != null) {
                assertThat(Cases.ids(ok(200, api.get(P + "?q=" + enc(s.approved()))))).as(who + ": API search by the approved reply")
                        .contains(id);
            }
            checked.add(who + " API search");
        }
        // the search page, as the lead proposer and the lead unit see it
        String leadPage = page(List.of("MEMBER"), f.member(0), null).get("/search/results?q=" + enc(s.working())).body();
        if (!s.working().equals(s.approved())) {
            assertThat(leadPage).as(s.name() + ": search page, lead proposer").doesNotContain(s.working());
        }
        String unitPage = page(List.of("UNIT_HANDLER"), null, f.unit(0)).get("/search/results?q=" + enc(s.working())).body();
        assertThat(unitPage).as(s.name() + ": search page, lead unit").contains("/proposals/" + id);
        checked.add(s.name() + " search page");
        // the public: only the approved reply, in detail and in search
        Api pub = f.admin.anonymous();
        Api.Res publicCase = pub.get("/api/v1/public/proposals/" + id);
        assertThat(publicCase.status()).as(s.name() + ": public detail").isIn(200, 404);
        if (!s.working().equals(s.approved())) {
            assertThat(publicCase.body()).as(s.name() + ": public detail").doesNotContain(s.working());
            assertThat(Cases.ids(ok(200, pub.get("/api/v1/public/proposals?q=" + enc(s.working())))))
                    .as(s.name() + ": public search").doesNotContain(id);
        }
        checked.add(s.name() + " public");
    }

    /** The words of the working reply when they differ from the approved one's (else nothing is hidden). */
    private static String hiddenWords(State s) {
        return s.working().equals(s.approved()) ? "\u0000never\u0000" : s.working();
    }

    @Test
    void confidentialCasesStayOutOfSuggestionsForThoseOutsideThem() {
        String subject = "关于" + words() + "问题的建议";
        String body = "现状：" + words() + "。建议：" + words() + "。";
        Map<String, Object> draft = new LinkedHashMap<>(f.c.draft(subject, List.of()));
        draft.put("background", body);
        draft.put("suggestions", body);
        draft.put("category", "教育科技");
        long id = ok(201, f.lead().post(P, draft)).path("id").asLong();
        f.advance(id, "FILED", false);
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", false, "confidential", true)));
        Map<String, Object> text = Map.of("title", subject, "background", body, "suggestions", body);

        // the office sees it among similar cases and in the category vote
        assertThat(ids(ok(200, f.staff().post(P + "/similar-to-text", text)))).contains(id);
        // (among the candidates: other tests' cases in the shared index may outvote it for first place)
        JsonNode staffSuggestion = ok(200, f.staff().post(P + "/category-suggestion", text));
        assertThat(staffSuggestion.path("candidates").findValuesAsString("category")).as(staffSuggestion.toString())
                .contains("教育科技");
        // its proposer too (it is in the proposer's scope)
        assertThat(ids(ok(200, f.lead().post(P + "/similar-to-text", text)))).contains(id);
        // a member outside it: neither the case nor its category
        assertThat(ids(ok(200, f.other().post(P + "/similar-to-text", text)))).doesNotContain(id);
        JsonNode suggestion = ok(200, f.other().post(P + "/category-suggestion", text));
        assertThat(suggestion.path("candidates").findValuesAsString("category")).as(suggestion.toString())
                .doesNotContain("教育科技");

        // the same case not confidential is a filed case members may find (title and outcome)
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", false, "confidential", false)));
        assertThat(ids(ok(200, f.other().post(P + "/similar-to-text", text)))).contains(id);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.path("items").forEach(i -> out.add(i.path("id").asLong()));
        return out;
    }

    /** Four rare characters no other test writes, so that a search finds only this case. */
    private String words() {
        String pool = "甪甴甶甹畀畐畓畖畘畟畤畯畲畳畵畻疀疃疆疈疍疐疓疛";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(pool.charAt(random.nextInt(pool.length())));
        }
        return sb.toString();
    }

    private PageClient page(List<String> roles, Long memberId, Long unitId) {
        return new PageClient(port).signIn(TestSupport.account(f.admin, roles, memberId, unitId, PASSWORD).username(),
                PASSWORD);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
