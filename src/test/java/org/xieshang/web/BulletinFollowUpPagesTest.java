package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
 * Issue 15 point 3 on the pages: the unit answers a leader's comment on its follow-ups page (what
 * was done, with a file); the office and the leader see the answer on the bulletin; once closed the
 * form is gone.
 */
class BulletinFollowUpPagesTest extends ApiTestBase {

    private static final String PASSWORD = "follow-up-pass-1";

    @Test
    void theUnitAnswersOnItsPageAndTheOfficeAndLeaderSeeIt() {
        Committee c = new Committee(admin, 2, 0);
        TestSupport.Account leader = TestSupport.account(admin, List.of("LEADER_GOV"), null, null, PASSWORD);
        TestSupport.Account staff = TestSupport.account(admin, List.of("PROPOSAL_STAFF"), null, null, PASSWORD);
        TestSupport.Account handler = TestSupport.account(admin, List.of("UNIT_HANDLER"), null, c.unitIds.get(0), PASSWORD);
        TestSupport.Account other = TestSupport.account(admin, List.of("UNIT_HANDLER"), null, c.unitIds.get(1), PASSWORD);
        Api leaderApi = admin.anonymous().login(leader.username(), PASSWORD);
        Api staffApi = admin.anonymous().login(staff.username(), PASSWORD);
        String title = TestSupport.unique("批示落实页面测试");
        long bulletin = staffApi.post("/api/v1/bulletins", Map.of("kind", "BRIEF", "title", title, "content", "简讯正文",
                "proposalIds", List.of(), "recipientUserIds", List.of(leader.id()))).id();
        long followUp = leaderApi.post("/api/v1/bulletins/" + bulletin + "/comments", Map.of("content", "请尽快拿出整改方案",
                "unitIds", List.of(c.unitIds.get(0)))).json().path("followUps").get(0).path("id").asLong();
        String action = "/bulletins/" + bulletin + "/follow-ups/" + followUp + "/answer";

        PageClient unit = new PageClient(port).signIn(handler.username(), PASSWORD);
        PageClient otherUnit = new PageClient(port).signIn(other.username(), PASSWORD);
        PageClient office = new PageClient(port).signIn(staff.username(), PASSWORD);
        PageClient leaderPage = new PageClient(port).signIn(leader.username(), PASSWORD);

        // the unit concerned has the form, another unit neither sees the follow-up nor may answer
        Page list = unit.get("/follow-ups?done=false");
        assertThat(list.body()).contains("请尽快拿出整改方案").contains("action=\"" + action + "\"")
                .contains("enctype=\"multipart/form-data\"");
        assertThat(otherUnit.get("/follow-ups").body()).doesNotContain("请尽快拿出整改方案");
        assertEquals(404, otherUnit.upload(action, Map.of("answer", "越权"), "file", "a.txt", "x".getBytes()).status());
        assertEquals(403, office.upload(action, Map.of("answer", "越权"), "file", "a.txt", "x".getBytes()).status());

        // an empty answer is an error next to the field; a bad file too
        Page empty = unit.upload(action, Map.of("answer", " "), "file", "a.txt", "x".getBytes());
        assertEquals(400, empty.status(), empty::toString);
        assertThat(empty.body()).contains("id=\"answer-" + followUp + "-error\"");
        Page badFile = unit.upload(action, Map.of("answer", "已整改"), "file", "run.exe", "MZ".getBytes());
        assertEquals(400, badFile.status(), badFile::toString);
        assertThat(badFile.body()).contains("id=\"answer-file-" + followUp + "-error\"");

        Page sent = unit.upload(action, Map.of("answer", "已制定整改方案并完成首批整治"), "file", "整改方案.txt",
                "方案".getBytes(StandardCharsets.UTF_8));
        assertEquals(302, sent.status(), sent::toString);
        Page after = unit.get("/follow-ups?done=false");
        assertThat(after.body()).contains("已制定整改方案并完成首批整治").contains("整改方案.txt");

        // the office and the leader read it on the bulletin, with the file's link
        for (PageClient reader : List.of(office, leaderPage)) {
            Page b = reader.get("/bulletins/" + bulletin);
            assertThat(b.body()).contains("已制定整改方案并完成首批整治");
            Matcher link = Pattern.compile("href=\"(/api/v1/bulletins/" + bulletin + "/follow-ups/" + followUp
                    + "/files/\\d+)\"").matcher(b.body());
            assertThat(link.find()).as(b.body()).isTrue();
        }

        // closed by the office: the unit's form is gone and the leader's home page has the outcome notice
        Matcher done = Pattern.compile("action=\"(/bulletins/" + bulletin + "/follow-ups/" + followUp + "/done)\"")
                .matcher(office.get("/bulletins/" + bulletin).body());
        assertThat(done.find()).isTrue();
        assertEquals(302, office.post(done.group(1), Map.of("note", "整改到位")).status());
        assertThat(unit.get("/follow-ups").body()).doesNotContain("action=\"" + action + "\"");
        assertThat(leaderApi.get("/api/v1/notifications?size=200").body()).contains("您的批示已落实办结");
    }
}
