package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xieshang.support.HeadlessChromium;
import org.xieshang.support.TestSupport;

/**
 * The dashboard in a real browser on a 375 px phone: stats.js draws every chart from its
 * data attribute under the page's CSP, and the page does not scroll sideways (wide tables
 * scroll inside their own box).
 */
class ProposalStatsBrowserTest extends ProposalApiTestBase {

    private static final int YEAR = 2033;
    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeAll
    void buildCasesAndBrowser() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("第十七届"),
                "startDate", "2033-01-01", "endDate", "2037-12-31"))).path("id").asLong();
        long session = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第一次会议", "year", YEAR,
                "startDate", YEAR + "-01-10"))).path("id").asLong();
        f.caseIn(session, "CLOSED", false);
        f.caseIn(session, "ASSIGNED", false);
        chromium = HeadlessChromium.startOrSkip();
        driver = chromium == null ? null : chromium.driver();
    }

    @BeforeEach
    void needsTheBrowser() {
        HeadlessChromium.assumeAvailable(chromium);
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void drawsEveryChartAndFitsAPhone() throws IOException {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestSupport.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));

        driver.get("http://localhost:" + port + "/stats?year=" + YEAR);
        List<String> charts = List.of("status", "category", "classes", "satisfaction", "units");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> charts.stream()
                .allMatch(c -> "true".equals(d.findElement(By.id("chart-" + c)).getAttribute("data-drawn"))));
        for (String c : charts) {
            WebElement chart = driver.findElement(By.id("chart-" + c));
            assertThat(chart.findElements(By.tagName("svg"))).as(c).isNotEmpty();
            assertThat(chart.getSize().getWidth()).as(c).isPositive().isLessThanOrEqualTo(375);
        }
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo("2");
        long pageWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(375);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("stats-dashboard.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
