package org.xieshang.socialreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.shared.SystemActor;
import org.xieshang.socialreport.internal.SocialReportService;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * A not-filed proposal the office converts to a social-conditions report becomes a report of its
 * proposer (the ProposalConverted event), marked with its origin, on the author's own list; once,
 * however often the event is delivered. A member letter does not become a report.
 */
class ProposalConversionTest extends ApiTestBase {

    static final String P = "/api/v1/proposals";
    static final String R = "/api/v1/social-reports";

    @Autowired
    SocialReportService service;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aConvertedProposalShowsOnItsAuthorsList() throws Exception {
        Committee c = new Committee(admin, 1, 2);
        TestSupport.Account account = TestSupport.account(admin, List.of("MEMBER"), c.memberIds.get(0), null, Committee.PASSWORD);
        Api author = api.login(account.username(), Committee.PASSWORD);
        Api staff = c.staff();
        String title = TestSupport.unique("关于小区楼道堆物清理的建议");
        long proposal = notFiled(c, author, staff, title);
        assertThat(staff.post(P + "/" + proposal + "/convert", Map.of("kind", "SOCIAL_REPORT", "note", "转社情民意")).status())
                .isEqualTo(200);

        JsonNode item = awaitReport(author, title);
        assertThat(item.path("origin").asString()).isEqualTo("PROPOSAL");
        assertThat(item.path("status").asString()).isEqualTo("SUBMITTED");
        JsonNode report = author.get(R + "/" + item.path("id").asLong()).json();
        assertThat(report.path("proposalId").asLong()).isEqualTo(proposal);
        assertThat(report.path("authorMemberId").asLong()).isEqualTo(c.memberIds.get(0));
        assertThat(report.path("content").asString()).contains("现状分析").contains("建议：");
        assertThat(report.path("history").get(0).path("action").asString()).isEqualTo("CONVERT");
        // the office sees it too, and the author was told
        assertThat(staff.get(R + "/" + item.path("id").asLong()).status()).isEqualTo(200);
        List<String> notices = new ArrayList<>();
        author.get("/api/v1/notifications?size=50").json().path("items").forEach(n -> notices.add(n.path("text").asString()));
        assertThat(notices).anyMatch(t -> t.contains("已转为社情民意信息"));
        // and it is on the member's own page
        PageClient page = new PageClient(port).signIn(account.username(), Committee.PASSWORD);
        assertThat(page.get("/social-reports/mine").body()).contains(title).contains("不予立案提案转来");

        // a second delivery of the event finds the report made the first time
        Long again = SystemActor.callAs(1L, () -> tx.execute(s -> service.fromProposal(proposal, c.memberIds.get(0), title, "x")));
        assertThat(again).isEqualTo(item.path("id").asLong());
        assertThat(count(author, title)).isEqualTo(1);
    }

    @Test
    void aMemberLetterDoesNotBecomeAReport() throws Exception {
        Committee c = new Committee(admin, 1, 2);
        Api author = c.member(0);
        Api staff = c.staff();
        String title = TestSupport.unique("关于某单位办事效率的意见");
        long proposal = notFiled(c, author, staff, title);
        assertThat(staff.post(P + "/" + proposal + "/convert", Map.of("kind", "MEMBER_LETTER", "unitId", c.unitIds.get(0)))
                .status()).isEqualTo(200);
        // a later report of the same member arrives; the letter is still not among the reports
        String later = TestSupport.unique("关于路灯维修的反映");
        assertThat(author.post(R, Map.of("title", later, "content", "多处路灯不亮。")).status()).isEqualTo(201);
        Thread.sleep(1500);
        assertThat(count(author, title)).isZero();
        assertThat(count(author, later)).isEqualTo(1);
    }

    private static long notFiled(Committee c, Api author, Api staff, String title) {
        Api.Res draft = author.post(P, c.draft(title, List.of()));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long id = draft.id();
        assertThat(author.post(P + "/" + id + "/submit", Map.of()).json().path("status").asString()).isEqualTo("SUBMITTED");
        Api.Res review = staff.post(P + "/" + id + "/review", Map.of("decision", "NOT_FILE", "ground", "属于个人诉求或家庭私事",
                "reason", "系个人诉求"));
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        return id;
    }

    private static JsonNode awaitReport(Api author, String title) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            for (JsonNode i : author.get(R + "?size=200").json().path("items")) {
                if (i.path("title").asString().equals(title)) {
                    return i;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no report made of the proposal " + title);
    }

    private static long count(Api author, String title) {
        long n = 0;
        for (JsonNode i : author.get(R + "?size=200").json().path("items")) {
            if (i.path("title").asString().equals(title)) {
                n++;
            }
        }
        return n;
    }
}
