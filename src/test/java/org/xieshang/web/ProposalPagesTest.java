package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/**
 * The proposal pages over plain HTTP with signed-in sessions: a member writes, submits and rates;
 * staff review, assign and approve; a unit handles and replies. Form errors come back next to
 * their fields (400), refusals by the case's state as a message on the form (409), and what a role
 * may not see or do is refused (403/404).
 */
class ProposalPagesTest extends ApiTestBase {

    private static final String PASSWORD = "page-pass-1";
    private static final Pattern CASE = Pattern.compile("/proposals/(\\d+)$");

    @Test
    void aProposalTravelsFromTheFormToAClosedCaseThroughThePages() {
        Committee c = new Committee(admin, 2, 2);
        PageClient member = client(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient staff = client(List.of("PROPOSAL_STAFF"), null, null);
        PageClient unit = client(List.of("UNIT_HANDLER"), null, c.unitIds.get(0));

        Page mine = member.get("/proposals/mine");
        assertEquals(200, mine.status());
        assertThat(mine.body()).contains("<li><a href=\"/proposals/mine\"").contains("<li><a href=\"/search\"")
                .doesNotContain("<li><a href=\"/proposals/review\"");
        Page form = member.get("/proposals/new");
        assertEquals(200, form.status());
        assertThat(form.body()).contains("name=\"title\"").contains("hx-trigger=\"input changed delay:800ms\"")
                .contains("城乡建设").contains("<option value=\"" + c.sessionId + "\"")
                .contains("name=\"coSignerMemberIds\" value=\"" + c.memberIds.get(1) + "\"")
                .doesNotContain("name=\"coSignerMemberIds\" value=\"" + c.memberIds.get(0) + "\"");

        // an empty subject: the error next to the field, and what was typed is kept
        Page missing = member.post("/proposals", Map.of("title", " ", "background", "现状分析", "suggestions", "建议",
                "category", "城乡建设", "sessionId", String.valueOf(c.sessionId)));
        assertEquals(400, missing.status());
        assertThat(missing.body()).contains("id=\"title-error\"").contains("必填，最多 200 个字符")
                .contains(">现状分析</textarea>").doesNotContain("id=\"category-error\"");

        String title = TestSupport.unique("关于页面测试社区食堂建设的建议");
        Page saved = member.post("/proposals", form(title, c, List.of()));
        assertEquals(302, saved.status(), saved::toString);
        long id = caseId(saved);
        Page draft = member.get("/proposals/" + id);
        assertThat(draft.body()).contains("草稿已保存").contains("id=\"proposal-submit\"").contains("id=\"proposal-edit\"")
                .contains("action=\"/proposals/" + id + "/attachments\"");

        Page attached = member.upload("/proposals/" + id + "/attachments", "file", "调研报告.txt",
                "食堂调研".getBytes(StandardCharsets.UTF_8));
        assertEquals(302, attached.status(), attached::toString);
        Page withFile = member.get("/proposals/" + id);
        Matcher link = Pattern.compile("href=\"(/proposals/" + id + "/attachments/\\d+)\"").matcher(withFile.body());
        assertThat(link.find()).as(withFile.body()).isTrue();
        HttpResponse<byte[]> file = member.download(link.group(1));
        assertEquals(200, file.statusCode());
        assertEquals("食堂调研", new String(file.body(), StandardCharsets.UTF_8));
        Page badFile = member.upload("/proposals/" + id + "/attachments", "file", "run.exe", new byte[] {1, 2});
        assertEquals(400, badFile.status());
        assertThat(badFile.body()).contains("id=\"attach-file-error\"").contains("只能上传");

        assertEquals(302, member.post("/proposals/" + id + "/submit", Map.of()).status());
        assertThat(member.get("/proposals/" + id).body()).contains("提案已提交").contains("已提交")
                .doesNotContain("id=\"proposal-submit\"");
        // submitted: editing is refused by the state (409), not offered
        assertEquals(409, member.get("/proposals/" + id + "/edit").status());

        Page queue = staff.get("/proposals/review");
        assertEquals(200, queue.status());
        assertThat(queue.body()).contains(title).contains("href=\"/proposals/" + id + "#actions\"");
        Page review = staff.get("/proposals/" + id);
        assertThat(review.body()).contains("id=\"review-file\"").contains("内容空泛，无具体建议").contains("id=\"action-merge\"");
        // the merge candidates come after the page (htmx): a fragment for the staff who may merge the case now
        assertThat(review.body()).contains("hx-get=\"/proposals/" + id + "/merge-candidates\"").contains("id=\"merge-loading\"")
                .contains("data-load-failed=\"这部分未能载入（提案可能刚有变化），请刷新页面后再试。\"");
        Page candidates = staff.get("/proposals/" + id + "/merge-candidates");
        assertEquals(200, candidates.status());
        assertThat(candidates.body()).doesNotContain("<html").contains("id=\"merge-slot\"")
                .containsPattern("id=\"merge-(none|candidates)\"").doesNotContain("merge-loading");
        assertEquals(403, member.get("/proposals/" + id + "/merge-candidates").status());
        Page noGround = staff.post("/proposals/" + id + "/review", Map.of("decision", "NOT_FILE", "ground", "", "reason", "x"));
        assertEquals(400, noGround.status());
        assertThat(noGround.body()).contains("id=\"notFile-ground-error\"").contains("不予立案须选择理由");
        assertEquals(302, staff.post("/proposals/" + id + "/review", Map.of("decision", "FILE", "reason", "")).status());

        Page assignment = staff.get("/proposals/assignment");
        assertThat(assignment.body()).contains(title);
        Page filed = staff.get("/proposals/" + id);
        assertThat(filed.body()).contains("id=\"assign-form\"").contains("name=\"dueDate\"")
                .containsPattern("id=\"assign-dueDate\" name=\"dueDate\" type=\"date\" value=\"\\d{4}-\\d{2}-\\d{2}\"");
        // the unit hints come after the page too
        assertThat(filed.body()).contains("hx-get=\"/proposals/" + id + "/unit-hints\"");
        Page hints = staff.get("/proposals/" + id + "/unit-hints");
        assertEquals(200, hints.status());
        assertThat(hints.body()).doesNotContain("<html").contains("id=\"unit-hints-slot\"");
        assertEquals(403, unit.get("/proposals/" + id + "/unit-hints").status());
        Page noUnit = staff.post("/proposals/" + id + "/assign", Map.of("leadUnitId", "", "dueDate", ""));
        assertEquals(400, noUnit.status());
        assertThat(noUnit.body()).contains("id=\"assign-leadUnitId-error\"");
        assertEquals(302, staff.post("/proposals/" + id + "/assign", Map.of("leadUnitId", String.valueOf(c.unitIds.get(0)),
                "handlingMode", "", "dueDate", "")).status());
        // assigned: no longer merged, so no candidates either (409)
        assertEquals(409, staff.get("/proposals/" + id + "/merge-candidates").status());

        Page inbox = unit.get("/proposals/unit");
        assertEquals(200, inbox.status());
        assertThat(inbox.body()).contains(title).contains("主办");
        assertThat(unit.get("/proposals/" + id).body()).contains("id=\"unit-accept\"").contains("id=\"action-reassignment\"");
        assertEquals(302, unit.post("/proposals/" + id + "/accept", Map.of()).status());

        // the service refuses a reply before any contact with the proposer: a message on the reply form
        Page early = unit.post("/proposals/" + id + "/reply", Map.of("category", "A", "content", "已建成社区食堂三处"));
        assertEquals(409, early.status());
        assertThat(early.body()).contains("答复前须先记录与提案人的沟通联系").contains(">已建成社区食堂三处</textarea>");
        Page future = unit.post("/proposals/" + id + "/handling-records", Map.of("type", "PROPOSER_CONTACT",
                "date", LocalDate.now().plusDays(3).toString(), "content", "电话沟通"));
        assertEquals(400, future.status());
        assertThat(future.body()).contains("id=\"record-date-error\"").contains("日期不能晚于今天");
        assertEquals(302, unit.post("/proposals/" + id + "/handling-records", Map.of("type", "PROPOSER_CONTACT",
                "date", LocalDate.now().toString(), "content", "电话沟通办理思路")).status());
        assertEquals(302, unit.post("/proposals/" + id + "/reply", Map.of("category", "B", "content", "已列入明年计划")).status());
        // the unit head reads the reply on the case page and signs it under it (issue 15 point 1)
        PageClient head = client(List.of("UNIT_HEAD"), null, c.unitIds.get(0));
        Page toSign = head.get("/proposals/" + id);
        assertThat(toSign.body()).contains("id=\"case-signoff\"").contains("待单位负责人签发").containsPattern("id=\"case-stage-now\"[^>]*>[^<]*待单位负责人签发")
                .contains("id=\"signoff-reply\"").contains("data-confirm=\"确认签发此答复并提交提案委审核？\"")
                .doesNotContain("id=\"reply-approve\"");
        assertThat(toSign.body().indexOf("id=\"signoff-reply\"")).isLessThan(toSign.body().indexOf("id=\"signoff-approve\""));
        assertThat(staff.get("/proposals/" + id).body()).doesNotContain("id=\"reply-approve\"");
        assertEquals(400, head.post("/proposals/" + id + "/reply-signoff", Map.of("approve", "false", "reason", "")).status());
        assertEquals(302, head.post("/proposals/" + id + "/reply-signoff", Map.of("approve", "true")).status());
        assertThat(head.get("/proposals/" + id).body()).doesNotContain("id=\"case-signoff\"");
        // a member does not see a reply under review
        assertThat(member.get("/proposals/" + id).body()).doesNotContain("已列入明年计划").contains("答复审核中");

        assertThat(staff.get("/proposals/replies").body()).contains(title);
        assertEquals(302, staff.post("/proposals/" + id + "/reply-review", Map.of("approve", "true", "category", "A")).status());

        Page rate = member.get("/proposals/" + id);
        assertThat(rate.body()).contains("已列入明年计划").contains("id=\"evaluate-form\"");
        Page unrated = member.post("/proposals/" + id + "/evaluation", Map.of("attitude", "SATISFIED", "comment", "好"));
        assertEquals(400, unrated.status());
        assertThat(unrated.body()).contains("id=\"evaluate-result-error\"").doesNotContain("id=\"evaluate-attitude-error\"");
        assertEquals(302, member.post("/proposals/" + id + "/evaluation", Map.of("attitude", "SATISFIED",
                "result", "SATISFIED", "comment", "很满意")).status());

        Page closed = member.get("/proposals/" + id);
        assertThat(closed.body()).contains("id=\"case-status\">已办结").contains("感谢您的测评")
                .doesNotContain("id=\"evaluate-form\"").contains("A 类");
        String timeline = closed.body().substring(closed.body().indexOf("id=\"case-timeline\""));
        assertThat(timeline).containsSubsequence("创建草稿", "上传附件", "提交", "立案", "交办", "接收办理", "与提案人沟通",
                "提交答复", "答复审核通过", "满意度测评").contains("已答复 → 已办结").contains("满意/满意");

        Page print = member.get("/proposals/" + id + "/print");
        assertEquals(200, print.status());
        assertThat(print.body()).contains(title).contains("data-print").doesNotContain("<nav").doesNotContain("id=\"actions\"");
    }

    @Test
    void rolesSeeOnlyTheirPagesAndCases() {
        Committee c = new Committee(admin, 1, 2);
        PageClient member = client(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient other = client(List.of("MEMBER"), c.memberIds.get(1), null);
        PageClient unit = client(List.of("UNIT_HANDLER"), null, c.unitIds.get(0));
        long id = caseId(member.post("/proposals", form(TestSupport.unique("关于权限测试的建议"), c, List.of())));

        for (String path : List.of("/proposals/review", "/proposals/assignment", "/proposals/replies", "/proposals/unit")) {
            assertEquals(403, member.get(path).status(), path);
        }
        for (String path : List.of("/proposals/mine", "/proposals/new", "/proposals/cosign")) {
            assertEquals(403, unit.get(path).status(), path);
        }
        Page staffOnly = member.post("/proposals/" + id + "/review", Map.of("decision", "FILE"));
        assertEquals(403, staffOnly.status());
        assertThat(staffOnly.body()).contains("您没有执行此操作的权限");
        // another member's draft does not exist for them, nor do its files
        assertEquals(404, other.get("/proposals/" + id).status());
        assertEquals(404, other.get("/proposals/" + id + "/print").status());
        assertEquals(404, other.get("/proposals/" + id + "/edit").status());
        assertEquals(404, unit.get("/proposals/" + id).status());
        assertEquals(404, member.get("/proposals/999999999").status());

        Page unitHome = unit.get("/");
        assertThat(unitHome.body()).contains("<li><a href=\"/proposals/unit\"").doesNotContain("<li><a href=\"/proposals/mine\"");
        PageClient office = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertThat(office.get("/").body()).contains("<li><a href=\"/proposals/review\"")
                .contains("<li><a href=\"/proposals/assignment\"").contains("<li><a href=\"/proposals/replies\"")
                .contains("<li><a href=\"/proposals/all\"");
        // English as second language (the switch stays with the session)
        assertThat(member.get("/proposals/mine?lang=en").body()).contains("<h1>My proposals</h1>").contains("Write a proposal");
        assertThat(member.get("/proposals/" + id).body()).contains("Submit").contains("Draft created");
    }

    @Test
    void coSignersAnswerTheirRequestsAndTheCaseMovesOn() {
        Committee c = new Committee(admin, 1, 3);
        PageClient lead = client(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient first = client(List.of("MEMBER"), c.memberIds.get(1), null);
        PageClient second = client(List.of("MEMBER"), c.memberIds.get(2), null);
        String title = TestSupport.unique("关于联名页面测试的建议");
        long id = caseId(lead.post("/proposals", form(title, c, List.of(c.memberIds.get(1), c.memberIds.get(2)))));
        // named in the draft, but asked only once it is submitted
        assertThat(first.get("/proposals/cosign").body()).contains("id=\"cosign-empty\"");
        assertEquals(302, lead.post("/proposals/" + id + "/submit", Map.of()).status());
        assertThat(lead.get("/proposals/" + id).body()).contains("待附议").contains("待确认");

        Page requests = first.get("/proposals/cosign");
        assertThat(requests.body()).contains(title).contains("action=\"/proposals/" + id + "/cosign\"");
        assertThat(first.get("/proposals/mine").body()).contains("有 1 件联名提案等待您确认附议");
        Page accepted = first.post("/proposals/" + id + "/cosign", Map.of("accept", "true"));
        assertEquals(302, accepted.status());
        assertThat(accepted.location()).endsWith("/proposals/cosign");
        assertThat(first.get("/proposals/cosign").body()).contains("已同意附议").doesNotContain(title);
        // answered once: no longer a pending co-signer
        assertEquals(409, first.post("/proposals/" + id + "/cosign", Map.of("accept", "true")).status());

        assertEquals(302, second.post("/proposals/" + id + "/cosign", Map.of("accept", "false")).status());
        // who declines is no longer a proposer and no longer sees the case
        assertEquals(404, second.get("/proposals/" + id).status());
        assertThat(lead.get("/proposals/" + id).body()).contains("id=\"case-status\">已提交");
    }

    @Test
    void similarCasesAppearWhileTypingAndSearchHighlightsTheWords() {
        Committee c = new Committee(admin, 1, 2);
        PageClient member = client(List.of("MEMBER"), c.memberIds.get(0), null);
        PageClient staff = client(List.of("PROPOSAL_STAFF"), null, null);
        String title = TestSupport.unique("关于治理城西河道黑臭水体的建议");
        Map<String, Object> text = new HashMap<>(form(title, c, List.of()));
        text.put("background", "城西河沿岸生活污水直排，夏季水体发黑发臭，周边居民反映强烈，雨污分流改造进展缓慢。");
        text.put("suggestions", "一是排查沿河排污口；二是加快雨污分流管网建设；三是建立河长巡查制度。");
        text.put("category", "生态环境");
        long id = caseId(member.post("/proposals", text));
        assertEquals(302, member.post("/proposals/" + id + "/submit", Map.of()).status());
        assertEquals(302, staff.post("/proposals/" + id + "/review", Map.of("decision", "FILE")).status());

        Page similar = member.post("/proposals/similar", Map.of("title", "城西河道黑臭问题",
                "background", "河道污水直排，水体黑臭，居民反映强烈", "suggestions", "排查排污口，雨污分流"));
        assertEquals(200, similar.status());
        assertThat(similar.body()).doesNotContain("<html").contains("id=\"similar-list\"").contains(title)
                .contains("已立案").contains("data-apply-category=\"生态环境\"");
        Page tooShort = member.post("/proposals/similar", Map.of("title", "河"));
        assertThat(tooShort.body()).doesNotContain("similar-list");

        Page found = member.get("/search?q=" + URLEncoder.encode("黑臭水体", StandardCharsets.UTF_8));
        assertEquals(200, found.status());
        assertThat(found.body()).contains(title).contains("<mark>");
        Page fragment = member.get("/search/results?q=" + URLEncoder.encode("黑臭水体", StandardCharsets.UTF_8)
                + "&status=FILED&year=2026&category=" + URLEncoder.encode("生态环境", StandardCharsets.UTF_8));
        assertThat(fragment.body()).doesNotContain("<html").contains(title);
        assertThat(member.get("/search/results?q=" + URLEncoder.encode("黑臭水体", StandardCharsets.UTF_8)
                + "&status=CLOSED").body()).doesNotContain(title);
        // nonsense filters are ignored rather than failing the page
        assertEquals(200, member.get("/search?year=abc&status=nope&unitId=x&page=-2").status());
        assertThat(staff.get("/proposals/all").body()).contains(title);
    }

    private PageClient client(List<String> roles, Long memberId, Long unitId) {
        return new PageClient(port).signIn(TestSupport.account(admin, roles, memberId, unitId, PASSWORD).username(),
                PASSWORD);
    }

    private static Map<String, Object> form(String title, Committee c, List<Long> coSigners) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("background", "现状分析：" + title + "，群众反映强烈。");
        fields.put("suggestions", "建议：一、加强统筹；二、加大投入。");
        fields.put("category", "城乡建设");
        fields.put("sessionId", String.valueOf(c.sessionId));
        if (!coSigners.isEmpty()) {
            fields.put("coSignerMemberIds", coSigners.stream().map(String::valueOf).toList());
        }
        return fields;
    }

    private static long caseId(Page saved) {
        assertEquals(302, saved.status(), saved::toString);
        Matcher m = CASE.matcher(saved.location());
        assertThat(m.find()).as(saved.location()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
