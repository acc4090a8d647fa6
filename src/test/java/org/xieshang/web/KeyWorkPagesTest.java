package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/**
 * The key-proposal and bulletin pages over plain HTTP: what each role may open, form errors next to
 * their fields (400), refusals by state (409), and a leader who did not receive a bulletin gets 404.
 */
class KeyWorkPagesTest extends ApiTestBase {

    private static final String PASSWORD = "keywork-pass-1";

    @Test
    void eachRoleSeesWhatItMayAndBadInputIsAnsweredOnTheForm() {
        Committee c = new Committee(admin, 2, 1);
        long leaderId = account(List.of("LEADER_GOV"), null, null);
        String leaderName = last;
        account(List.of("LEADER_GOV"), null, null);
        String otherLeaderName = last;
        account(List.of("PROPOSAL_STAFF"), null, null);
        PageClient staff = client(last);
        PageClient leader = client(leaderName);
        PageClient otherLeader = client(otherLeaderName);
        account(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient member = client(last);
        account(List.of("UNIT_HANDLER"), null, c.unitIds.get(0));
        PageClient unit = client(last);

        String title = TestSupport.unique("关于页面测试背街小巷整治的建议");
        Api author = c.member(0);
        long id = author.post("/api/v1/proposals", c.draft(title, List.of())).id();
        assertEquals(200, author.post("/api/v1/proposals/" + id + "/submit", Map.of()).status());
        Api office = c.staff();

        // before filing the case cannot be marked: the page has no form, a post is refused by the state
        assertThat(staff.get("/proposals/" + id + "/key").body()).doesNotContain("id=\"key-mark-form\"");
        Page early = staff.post("/proposals/" + id + "/key", Map.of("leadLeaderUserIds", String.valueOf(leaderId)));
        assertEquals(409, early.status(), early::toString);

        assertEquals(200, office.post("/api/v1/proposals/" + id + "/review", Map.of("decision", "FILE")).status());
        assertEquals(200, office.post("/api/v1/proposals/" + id + "/assign", Map.of("leadUnitId", c.unitIds.get(0))).status());

        // nav: staff and leaders have the key-proposal and bulletin pages, a member and a unit do not
        assertThat(staff.get("/").body()).contains("href=\"/key-proposals\"").contains("href=\"/bulletins\"");
        assertThat(leader.get("/").body()).contains("我领办的重点提案").contains("href=\"/bulletins\"");
        assertThat(member.get("/").body()).doesNotContain("href=\"/key-proposals\"").doesNotContain("href=\"/bulletins\"");
        assertThat(unit.get("/").body()).contains("href=\"/follow-ups\"").doesNotContain("href=\"/bulletins\"");
        assertEquals(403, member.get("/key-proposals").status());
        assertEquals(403, unit.get("/bulletins").status());
        assertEquals(403, member.get("/bulletins/new").status());
        assertEquals(403, leader.get("/bulletins/new").status());

        // a member (a proposer) may not mark; a leader not yet attached does not see the case
        assertEquals(403, member.post("/proposals/" + id + "/key", Map.of("leadLeaderUserIds", String.valueOf(leaderId))).status());
        assertEquals(404, leader.get("/proposals/" + id + "/key").status());

        // a non-leader as lead-handling leader is a field error; then staff mark it
        Page wrong = staff.post("/proposals/" + id + "/key", Map.of("leadLeaderUserIds", "abc"));
        assertEquals(400, wrong.status());
        assertThat(wrong.body()).contains("id=\"mark-lead-error\"");
        Page marked = staff.post("/proposals/" + id + "/key", Map.of("leadLeaderUserIds", String.valueOf(leaderId)));
        assertEquals(302, marked.status(), marked::toString);
        assertThat(staff.get("/proposals/" + id + "/key").body()).contains("已确定为重点提案").contains(leaderName);

        // the lead leader sees it on their own page and may record supervision; a future date is refused
        assertThat(leader.get("/key-proposals").body()).contains(title).contains("我领办");
        assertThat(otherLeader.get("/key-proposals").body()).doesNotContain(title);
        Page future = leader.post("/proposals/" + id + "/supervision-events", Map.of("type", "VISIT",
                "date", LocalDate.now().plusDays(3).toString(), "content", "实地走访"));
        assertEquals(400, future.status());
        assertThat(future.body()).contains("id=\"event-date-error\"").contains(">实地走访</textarea>");
        Page noType = leader.post("/proposals/" + id + "/supervision-events", Map.of("type", "PARTY",
                "date", LocalDate.now().toString(), "content", "实地走访"));
        assertEquals(400, noType.status());
        assertThat(noType.body()).contains("id=\"event-type-error\"");
        assertEquals(302, leader.post("/proposals/" + id + "/supervision-events", Map.of("type", "VISIT",
                "date", LocalDate.now().toString(), "content", "实地走访背街小巷", "participants", "区住建局")).status());
        assertThat(staff.get("/proposals/" + id + "/key").body()).contains("实地走访背街小巷").contains("区住建局");

        // a bulletin without recipients is a field error, with what was typed kept
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "BRIEF");
        form.put("title", "简讯页面测试");
        form.put("proposalIds", List.of(String.valueOf(id)));
        Page missing = staff.post("/bulletins", form);
        assertEquals(400, missing.status());
        assertThat(missing.body()).contains("id=\"bulletin-recipients-error\"").contains("value=\"简讯页面测试\"");
        assertThat(staff.get("/bulletins/new?proposalId=" + id).body()).containsPattern(
                "value=\"" + id + "\" id=\"case-" + id + "\" checked");
        form.put("recipientUserIds", List.of(String.valueOf(leaderId)));
        Page sent = staff.post("/bulletins", form);
        assertEquals(302, sent.status(), sent::toString);
        String bulletin = sent.location().replaceFirst("^https?://[^/]+", "");
        assertThat(bulletin).matches("/bulletins/\\d+");

        // the leader's to-do list on the home page holds the unread bulletin and the key case
        assertThat(leader.get("/").body()).contains("期简讯待阅批").contains("件领办、督办的重点提案在办");
        assertThat(unit.get("/").body()).contains("件交办提案待接收").doesNotContain("期简讯待阅批");
        assertThat(member.get("/").body()).contains("id=\"todo-none\"");

        // only the recipient reads and comments; another leader gets 404, staff may not comment
        assertEquals(404, otherLeader.get(bulletin).status());
        assertEquals(404, otherLeader.post(bulletin + "/comments", Map.of("content", "同意")).status());
        assertEquals(403, staff.post(bulletin + "/comments", Map.of("content", "同意")).status());
        Page empty = leader.post(bulletin + "/comments", Map.of("content", " "));
        assertEquals(400, empty.status());
        assertThat(empty.body()).contains("id=\"comment-content-error\"");
        assertEquals(302, leader.post(bulletin + "/comments", Map.of("content", "请抓紧整治")).status());

        assertThat(leader.get("/").body()).doesNotContain("期简讯待阅批");
        assertThat(unit.get("/").body()).contains("项领导批示待落实");

        // the unit sees its follow-up; staff close it, a second time is refused by its state
        Page followUps = unit.get("/follow-ups?done=false");
        assertThat(followUps.body()).contains("请抓紧整治").contains("简讯页面测试");
        Page page = staff.get(bulletin);
        Matcher m = Pattern.compile("action=\"(" + bulletin + "/follow-ups/\\d+/done)\"")
                .matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        assertEquals(302, staff.post(m.group(1), Map.of("note", "已制定整治方案")).status());
        assertEquals(409, staff.post(m.group(1), Map.of("note", "再次")).status());
        assertThat(unit.get("/follow-ups?done=true").body()).contains("已制定整治方案");
    }

    @Test
    void theOfficeRecordsTheChairsMeetingDecisionAndLeadersReadIt() {
        Committee c = new Committee(admin, 1, 1);
        account(List.of("PROPOSAL_STAFF"), null, null);
        PageClient staff = client(last);
        account(List.of("LEADER_CPPCC"), null, null);
        PageClient chair = client(last);
        account(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient member = client(last);
        String title = TestSupport.unique("关于页面测试重点提案遴选的建议");
        Api author = c.member(0);
        long id = author.post("/api/v1/proposals", c.draft(title, List.of())).id();
        assertEquals(200, author.post("/api/v1/proposals/" + id + "/submit", Map.of()).status());
        assertEquals(200, c.staff().post("/api/v1/proposals/" + id + "/review", Map.of("decision", "FILE")).status());

        assertThat(staff.get("/key-proposals/decisions").body()).contains("id=\"decide-" + id + "\"");
        Page missing = staff.post("/key-proposals/decisions", Map.of("year", "2026", "proposalIds", String.valueOf(id),
                "reasons", "群众关注度高"));
        assertEquals(400, missing.status());
        assertThat(missing.body()).contains("id=\"decision-meetingDate-error\"").contains(">群众关注度高</textarea>");
        Page noCase = staff.post("/key-proposals/decisions", Map.of("year", "2026", "meetingDate", "2026-03-02"));
        assertEquals(400, noCase.status());
        assertThat(noCase.body()).contains("id=\"decision-proposals-error\"");
        Page saved = staff.post("/key-proposals/decisions", Map.of("year", "2026", "meetingDate", "2026-03-02",
                "proposalIds", String.valueOf(id), "reasons", "群众关注度高"));
        assertEquals(302, saved.status(), saved::toString);
        assertThat(staff.get("/proposals/" + id + "/key").body()).contains("id=\"key-badge\">重点提案");

        // the CPPCC leader reads the decisions without the form; a member may not
        Page read = chair.get("/key-proposals/decisions");
        assertThat(read.body()).contains(title).contains("群众关注度高").doesNotContain("id=\"decision-submit\"");
        assertEquals(403, member.get("/key-proposals/decisions").status());
        assertEquals(403, member.post("/key-proposals/decisions", Map.of("year", "2026", "meetingDate", "2026-03-02",
                "proposalIds", String.valueOf(id))).status());
    }

    private String last;

    private long account(List<String> roles, Long memberId, Long unitId) {
        TestSupport.Account account = TestSupport.account(admin, roles, memberId, unitId, PASSWORD);
        last = account.username();
        return account.id();
    }

    private PageClient client(String username) {
        return new PageClient(port).signIn(username, PASSWORD);
    }
}
