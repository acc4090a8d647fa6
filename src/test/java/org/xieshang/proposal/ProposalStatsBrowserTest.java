package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.TestSupport;

/**
 * The dashboard in a real browser on a 375 px phone: stats.js draws every chart from its
 * data attribute under the page's CSP, and the page does not scroll sideways (wide tables
 * scroll inside their own box).
 */
class ProposalStatsBrowserTest extends BrowserTestBase {

    private static final int YEAR = 2033;

    @Test
    void drawsEveryChartAndFitsAPhone() throws IOException {
        Cases f = new Cases(admin);
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("第十七届"),
                "startDate", "2033-01-01", "endDate", "2037-12-31"))).path("id").asLong();
        long session = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第一次会议", "year", YEAR,
                "startDate", YEAR + "-01-10"))).path("id").asLong();
        f.caseIn(session, "CLOSED", false);
        f.caseIn(session, "ASSIGNED", false);

        signIn("admin", TestSupport.ADMIN_PASSWORD);
        open("/stats?year=" + YEAR);
        List<String> charts = List.of("status", "category", "classes", "satisfaction", "units");
        waitFor().until(d -> charts.stream()
                .allMatch(c -> "true".equals(d.findElement(By.id("chart-" + c)).getAttribute("data-drawn"))));
        for (String c : charts) {
            WebElement chart = driver.findElement(By.id("chart-" + c));
            assertThat(chart.findElements(By.tagName("svg"))).as(c).isNotEmpty();
            assertThat(chart.getSize().getWidth()).as(c).isPositive().isLessThanOrEqualTo(375);
        }
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo("2");
        assertNoOverflow();
        screenshot("stats-dashboard.png");
    }
}
