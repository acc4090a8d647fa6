package org.xieshang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The term figures of the assessment (warnings, persuasions, talks, resignations) on the
 * statistics dashboard, its summary API and the yearly report; units do not see them.
 */
class AssessmentFiguresOnStatsTest extends ApiTestBase {

    @Test
    void aWarningAndATalkShowOnTheDashboardTheSummaryApiAndTheYearlyReport() throws Exception {
        int year = LocalDate.now().getYear();
        Api leader = Fixtures.signedIn(admin, "LEADER_CPPCC");
        JsonNode before = ok(leader.get("/api/v1/proposals/stats?year=" + year)).json().path("members");
        assertThat(before.path("year").asInt()).isEqualTo(year);

        long member = new AssessmentFixture(admin).member().memberId();
        String actions = "/api/v1/members/" + member + "/actions";
        String today = LocalDate.now().toString();
        ok(admin.post(actions, Map.of("type", "WARNING", "reason", "无故缺席两次全体会议", "date", today)));
        ok(admin.post(actions, Map.of("type", "ADMONISHMENT_TALK", "reason", "诫勉谈话", "date", today)));

        JsonNode after = ok(leader.get("/api/v1/proposals/stats?year=" + year)).json().path("members");
        assertThat(after.path("ofYear").path("warnings").asLong())
                .isEqualTo(before.path("ofYear").path("warnings").asLong() + 1);
        assertThat(after.path("ofYear").path("admonishmentTalks").asLong())
                .isEqualTo(before.path("ofYear").path("admonishmentTalks").asLong() + 1);
        // the same numbers as the assessment module's own endpoint
        JsonNode own = ok(admin.get("/api/v1/assessment/figures?from=" + year + "-01-01&to=" + year + "-12-31")).json();
        assertThat(after.path("ofYear").path("warnings").asLong()).isEqualTo(own.path("warnings").asLong());
        assertThat(after.path("ofYear").path("resignationsApproved").asLong())
                .isEqualTo(own.path("resignationsApproved").asLong());

        PageClient.Page page = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD).get("/stats?year=" + year);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"table-members\"").contains("委员履职考核情况")
                .contains("id=\"members-2-1\">" + own.path("warnings").asLong() + "<");
        // a unit's dashboard is about its own cases: no committee figures
        PageClient.Page unit = new PageClient(port).signIn(Fixtures.user(admin, "UNIT_HANDLER").get("username"),
                Fixtures.USER_PASSWORD).get("/stats?year=" + year);
        assertThat(unit.status()).isEqualTo(200);
        assertThat(unit.body()).contains("id=\"kpi-total\"").doesNotContain("table-members");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                leader.getBytes("/api/v1/proposals/stats/report.docx?year=" + year)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("委员履职考核")
                    .containsPattern("警告\\d+人次").contains("批准辞去委员");
        }
    }

    static Res ok(Res res) {
        assertThat(res.status()).as(res.toString()).isBetween(200, 201);
        return res;
    }
}
