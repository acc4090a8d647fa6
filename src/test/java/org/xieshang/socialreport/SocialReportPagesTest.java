package org.xieshang.socialreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * The social-report pages over HTTP: forms with bad input show the form again with the field's
 * message, refused roles get 403 (404 for a report they may not see), decided reports 409, and
 * the figures page exports a workbook.
 */
class SocialReportPagesTest extends ApiTestBase {

    private PageClient page(List<String> roles, Long memberId) {
        return page(roles, memberId, null);
    }

    private PageClient page(List<String> roles, Long memberId, Long unitId) {
        TestSupport.Account a = TestSupport.account(admin, roles, memberId, unitId, Committee.PASSWORD);
        return new PageClient(port).signIn(a.username(), Committee.PASSWORD);
    }

    @Test
    void aMemberWritesOnTheFormAndTheOfficeDecidesOnThePage() throws Exception {
        Committee c = new Committee(admin, 1, 2);
        PageClient member = page(List.of("MEMBER"), c.memberIds.get(0));
        PageClient other = page(List.of("MEMBER"), c.memberIds.get(1));
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null);
        PageClient leader = page(List.of("LEADER_CPPCC"), null);
        PageClient unit = page(List.of("UNIT_HANDLER"), null, c.unitIds.get(0));

        PageClient.Page empty = member.post("/social-reports", Map.of("title", "", "content", ""));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("report-title-error").contains("report-content-error").contains("必填。");
        String title = TestSupport.unique("关于菜市场环境脏乱的反映");
        PageClient.Page written = member.post("/social-reports", Map.of("title", title, "content", "菜市场地面积水，垃圾清运不及时。",
                "category", "社会治理"));
        assertThat(written.status()).isEqualTo(302);
        assertThat(written.location()).endsWith("/social-reports/mine?written");
        assertThat(member.get("/social-reports/mine").body()).contains(title).contains("待处理");
        long id = admin.get("/api/v1/social-reports", Map.of("q", title.substring(0, 6), "memberId", c.memberIds.get(0), "size", 200))
                .json().path("items").get(0).path("id").asLong();

        // who may open what
        assertThat(other.get("/social-reports/" + id).status()).isEqualTo(404);
        assertThat(unit.get("/social-reports/" + id).status()).isEqualTo(403);
        assertThat(unit.get("/social-reports").status()).isEqualTo(403);
        assertThat(member.get("/social-reports").status()).isEqualTo(403);
        assertThat(staff.get("/social-reports/mine").status()).isEqualTo(403);
        assertThat(member.get("/social-reports/figures").status()).isEqualTo(403);
        assertThat(member.post("/social-reports/" + id + "/adopt", Map.of("level", "CITY")).status()).isEqualTo(403);
        assertThat(staff.post("/social-reports", Map.of("title", "t", "content", "c")).status()).isEqualTo(403);

        // the office: edit with bad input, refuse without a reason, then adopt
        assertThat(staff.get("/social-reports").body()).contains(title);
        assertThat(staff.get("/social-reports/table?q=" + java.net.URLEncoder.encode("垃圾清运", "UTF-8")).body())
                .contains(title).contains("<mark>");
        PageClient.Page badEdit = staff.post("/social-reports/" + id + "/edit", Map.of("title", "x".repeat(201), "content", "c"));
        assertThat(badEdit.status()).isEqualTo(200);
        assertThat(badEdit.body()).contains("edit-title-error");
        PageClient.Page noReason = staff.post("/social-reports/" + id + "/reject", Map.of("reason", " "));
        assertThat(noReason.body()).contains("reject-reason-error");
        assertThat(staff.post("/social-reports/" + id + "/edit", Map.of("title", title + "（编辑）", "content", "据委员反映，菜市场环境脏乱。"))
                .status()).isEqualTo(302);
        PageClient.Page report = staff.get("/social-reports/" + id);
        assertThat(report.body()).contains(title + "（编辑）").contains("委员原稿").contains("菜市场地面积水");
        assertThat(staff.post("/social-reports/" + id + "/adopt", Map.of("level", "PROVINCE")).status()).isEqualTo(302);
        assertThat(staff.post("/social-reports/" + id + "/adopt", Map.of("level", "CITY")).status()).isEqualTo(409);
        assertThat(staff.get("/social-reports/" + id).body()).contains("省级采用").doesNotContain("adopt-form");

        // a leader comments; an empty comment shows the form again
        assertThat(leader.post("/social-reports/" + id + "/comments", Map.of("content", "")).body()).contains("comment-content-error");
        assertThat(leader.post("/social-reports/" + id + "/comments", Map.of("content", "请市场监管局督促整改。")).status()).isEqualTo(302);
        assertThat(member.get("/social-reports/" + id).body()).contains("请市场监管局督促整改。");

        PageClient.Page figures = leader.get("/social-reports/figures");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).contains("社情民意信息统计").contains("figures-export");
        byte[] xlsx = leader.download("/social-reports/figures/export?year=" + LocalDate.now().getYear()).body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("界别");
        }
    }

    @Test
    void filesAreAttachedOnTheWriteFormAndOnTheReportPageAndDownloadedFromIt() {
        Committee c = new Committee(admin, 1, 2);
        PageClient member = page(List.of("MEMBER"), c.memberIds.get(0));
        PageClient other = page(List.of("MEMBER"), c.memberIds.get(1));
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null);
        PageClient leader = page(List.of("LEADER_CPPCC"), null);
        byte[] text = "走访记录：居民意见汇总\n".getBytes(StandardCharsets.UTF_8);

        // the write form on the phone: a refused file shows the form again and keeps nothing
        String refusedTitle = TestSupport.unique("带错误附件的反映");
        assertThat(member.get("/social-reports/mine").body()).contains("report-files").contains("multipart/form-data");
        PageClient.Page bad = member.upload("/social-reports", Map.of("title", refusedTitle, "content", "内容"),
                "files", "setup.exe", text);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("report-files-error").contains("只能上传以下类型的文件");
        assertThat(member.get("/social-reports/mine").body()).doesNotContain(refusedTitle);

        String title = TestSupport.unique("关于小区加装电梯的反映");
        PageClient.Page written = member.upload("/social-reports", Map.of("title", title, "content", "老旧小区加装电梯意见不一。",
                "category", "社会治理"), "files", "走访记录.txt", text);
        assertThat(written.status()).as(written.toString()).isEqualTo(302);
        long id = admin.get("/api/v1/social-reports", Map.of("q", title.substring(0, 6), "memberId", c.memberIds.get(0), "size", 200))
                .json().path("items").get(0).path("id").asLong();
        String reportPath = "/social-reports/" + id;
        PageClient.Page report = member.get(reportPath);
        assertThat(report.body()).contains("走访记录.txt").contains(reportPath + "/attachments/").contains("attach-form");
        long attachmentId = admin.get("/api/v1/social-reports/" + id).json().path("attachments").get(0).path("id").asLong();
        assertThat(member.download(reportPath + "/attachments/" + attachmentId).body()).isEqualTo(text);
        assertThat(leader.download(reportPath + "/attachments/" + attachmentId).statusCode()).isEqualTo(200);
        assertThat(other.download(reportPath + "/attachments/" + attachmentId).statusCode()).isEqualTo(404);

        // the report page: the author and the office upload; a bad file shows the message by the field
        PageClient.Page empty = member.upload(reportPath + "/attachments", "file", "empty.txt", new byte[0]);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("attach-file-error").contains("必填。");
        PageClient.Page added = member.upload(reportPath + "/attachments", "file", "照片.png", new byte[] {1, 2, 3});
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith(reportPath + "#attachments");
        staff.get(reportPath);
        assertThat(staff.upload(reportPath + "/attachments", "file", "核实情况.pdf", "%PDF-1.4".getBytes()).status()).isEqualTo(302);
        leader.get(reportPath);
        assertThat(leader.get(reportPath).body()).contains("核实情况.pdf").doesNotContain("attach-form");
        assertThat(leader.upload(reportPath + "/attachments", "file", "a.txt", text).status()).isEqualTo(403);
        other.get("/social-reports/mine");
        assertThat(other.upload(reportPath + "/attachments", "file", "a.txt", text).status()).isEqualTo(404);

        // once decided, no more files
        staff.get(reportPath);
        assertThat(staff.post(reportPath + "/adopt", Map.of("level", "CITY")).status()).isEqualTo(302);
        PageClient.Page decided = member.get(reportPath);
        assertThat(decided.body()).contains("照片.png").doesNotContain("attach-form");
        assertThat(member.upload(reportPath + "/attachments", "file", "late.txt", text).status()).isEqualTo(409);
    }
}
