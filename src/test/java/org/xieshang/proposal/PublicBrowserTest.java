package org.xieshang.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xieshang.support.HeadlessChromium;

/**
 * The public pages in headless Chromium at a phone's width (375 px), without signing in: from
 * the login page to the list, a search, and one proposal with its reply; nothing wider than the screen.
 */
class PublicBrowserTest extends ProposalApiTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static HeadlessChromium chromium;
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.startOrSkip();
        driver = chromium == null ? null : chromium.driver();
    }

    @BeforeEach
    void needsTheBrowser() {
        HeadlessChromium.assumeAvailable(chromium);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorFindsAndReadsAPublishedProposalOnAPhone() throws IOException {
        String w = PublicProposalApiTest.word();
        long id = PublicProposalApiTest.caseWith(f, w, "CLOSED");
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        String title = f.get(id).path("title").asString();

        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("public-link")).click();
        waitFor().until(ExpectedConditions.urlContains("/public/proposals"));
        driver.findElement(By.id("q")).sendKeys(w);
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBe(By.id("public-count"), "共 1 件"));
        fitsThePhone("public-list-375.png");

        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/public/proposals/" + id + "$"));
        assertEquals(title, driver.findElement(By.id("public-title")).getText());
        assertEquals("已列入明年工作计划，分步实施", driver.findElement(By.id("public-reply")).getText());
        assertTrue(driver.findElements(By.cssSelector("form[action='/logout']")).isEmpty(), "nobody is signed in");
        fitsThePhone("public-case-375.png");
    }

    private void fitsThePhone(String screenshot) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertEquals(375L, ((Number) js.executeScript("return window.innerWidth")).longValue());
        Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "page wider than the screen by " + overflow + " px");
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(screenshot), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
