package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.PublicProposalApiTest.caseWith;
import static org.xieshang.proposal.PublicProposalApiTest.word;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/**
 * The public pages over plain HTTP without signing in: the list, search and one case with its
 * reply; what is not published is the 404 page. Staff publish from the case page.
 */
class PublicPagesTest extends ProposalApiTestBase {

    private static final String PASSWORD = "public-page-pass";

    private PageClient staffPages() {
        return new PageClient(port).signIn(TestSupport.account(f.admin, List.of("PROPOSAL_STAFF"), null, null, PASSWORD)
                .username(), PASSWORD);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void staffPublishOnTheCasePageAndAnyoneReadsItWithoutSigningIn() {
        String w = word();
        long id = caseWith(f, w, "CLOSED");
        String title = f.get(id).path("title").asString();
        PageClient anonymous = new PageClient(port);

        Page unknown = anonymous.get("/public/proposals/" + id);
        assertEquals(404, unknown.status());
        assertThat(unknown.body()).contains("<html lang=\"zh-CN\">").doesNotContain(w);
        assertThat(anonymous.get("/public/proposals?q=" + q(w)).body()).doesNotContain(title).contains("没有找到相符的公开提案");

        PageClient staff = staffPages();
        Page casePage = staff.get("/proposals/" + id);
        assertThat(casePage.body()).contains("action=\"/proposals/" + id + "/publication\"")
                .doesNotContain("id=\"public-page-link\"");
        Page saved = staff.post("/proposals/" + id + "/publication", Map.of("published", "true"));
        assertEquals(302, saved.status(), saved::toString);
        assertThat(staff.get("/proposals/" + id).body()).contains("id=\"public-page-link\"")
                .contains("/public/proposals/" + id + "?committee=");
        // both boxes ticked: refused with the reason on the form, nothing changes
        Page both = staff.post("/proposals/" + id + "/publication", Map.of("published", "true", "confidential", "true"));
        assertEquals(409, both.status(), both::toString);
        assertThat(both.body()).contains("涉密提案不能公开，请先取消涉密标记。");
        assertThat(f.get(id).path("published").asBoolean()).isTrue();

        Page list = anonymous.get("/public/proposals");
        assertEquals(200, list.status());
        assertThat(list.body()).contains("<h1>提案公开</h1>").contains("name=\"viewport\"").contains("<label for=\"q\">");
        Page found = anonymous.get("/public/proposals?q=" + q(w));
        assertEquals(200, found.status());
        assertThat(found.body()).contains("href=\"/public/proposals/" + id + "\"").contains("<mark>")
                .contains("B 类答复").contains("已办结").contains("共 1 件").contains("2026 年");

        Page detail = anonymous.get("/public/proposals/" + id);
        assertEquals(200, detail.status());
        assertThat(detail.body()).contains(title).contains("已列入明年工作计划，分步实施").contains("B 类答复")
                .contains("id=\"public-lead-unit\"")
                // no handling records, co-unit opinions, ratings, history or staff actions
                .doesNotContain("电话联系提案人").doesNotContain("同意主办单位意见").doesNotContain("测评意见")
                .doesNotContain("/publication").doesNotContain("action=\"/logout\"");
        assertThat(anonymous.get("/public/proposals/" + id + "?lang=en").body()).contains("Reply class B")
                .contains("<html lang=\"en\">");

        // withdrawn: the 404 page again
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", false)));
        assertEquals(404, anonymous.get("/public/proposals/" + id).status());
        assertThat(anonymous.get("/public/proposals?q=" + q(w)).body()).doesNotContain(title);
    }

    @Test
    void unknownAndConfidentialCasesAreTheNotFoundPage() {
        PageClient anonymous = new PageClient(port);
        long secret = f.caseIn("REPLIED");
        ok(200, f.staff().post(P + "/" + secret + "/publication", Map.of("confidential", true)));
        for (String path : List.of("/public/proposals/" + secret, "/public/proposals/99999999", "/public/proposals/abc",
                "/public/proposals?committee=99999999", "/public/proposals?committee=x")) {
            Page page = anonymous.get(path);
            assertEquals(404, page.status(), path);
            assertThat(page.body()).as(path).contains("<h1>").contains("</html>");
        }
        assertEquals(400, anonymous.get("/public/proposals?page=-1").status());
        // the rest stays behind the login
        Page closed = anonymous.get("/proposals/" + secret);
        assertEquals(302, closed.status());
        assertThat(closed.location()).endsWith("/login");
        Page redirect = anonymous.get("/public");
        assertEquals(302, redirect.status());
        assertThat(redirect.location()).endsWith("/public/proposals");
        // the login page leads to the public pages
        assertThat(anonymous.get("/login").body()).contains("href=\"/public/proposals\"");
    }

    @Test
    void theListIsPagedAndKeepsTheSearchOnItsLinks() {
        PageClient anonymous = new PageClient(port);
        String w = word();
        for (int i = 0; i < 21; i++) {
            long id = caseWith(f, w, "FILED");
            ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        }
        Page first = anonymous.get("/public/proposals?q=" + q(w));
        assertThat(first.body()).contains("共 21 件").contains("第 1 页，共 2 页")
                .contains("href=\"/public/proposals?q=" + q(w) + "&amp;page=1\"").contains("办理中");
        Page second = anonymous.get("/public/proposals?q=" + q(w) + "&page=1");
        assertThat(second.body()).contains("第 2 页，共 2 页").contains("rel=\"prev\"");
        assertThat(second.body().split("class=\"case-title\"", -1)).hasSize(2);
    }
}
