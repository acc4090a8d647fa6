package org.xieshang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.HeadlessChromium;
import org.xieshang.support.TestSupport;

/**
 * The member pages in Debian's headless Chromium at a phone's width (375 px): sign in, add a
 * member, find it by typing into the search box (htmx), and see a form error next to its field.
 * Skipped when Chromium is not installed, except on CI (CI=true), where that is a failure.
 */
class BrowserTest extends ApiTestBase {

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
    void addsAMemberAndFindsItBySearchingAsYouType() throws IOException {
        String sector = TestSupport.unique("浏览器界别");
        long sectorId = admin.post("/api/v1/sectors", Map.of("name", sector)).id();
        // a second member, so that the unfiltered list holds more than the one searched for
        assertEquals(201, admin.post("/api/v1/members", Map.of("name", TestSupport.unique("对照委员"), "gender", "MALE",
                "sectorId", sectorId)).status());
        signIn();

        open("/members");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.id("member-new")).click();
        waitFor().until(ExpectedConditions.urlContains("/members/new"));

        String name = TestSupport.unique("浏览器委员");
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("gender"))).selectByValue("FEMALE");
        new Select(driver.findElement(By.id("sectorId"))).selectByVisibleText(sector);
        driver.findElement(By.id("workUnit")).sendKeys("区图书馆");
        driver.findElement(By.cssSelector("#member-form button[type=submit]")).click();

        waitFor().until(ExpectedConditions.urlMatches(".*/members/\\d+$"));
        assertEquals(name, driver.findElement(By.tagName("h1")).getText());
        String history = driver.findElement(By.id("member-history")).getText();
        assertTrue(history.contains("创建") && history.contains("admin"), history);

        open("/members");
        waitFor().until(d -> rows().size() >= 2);
        // a mark on the page: it survives only if the results are swapped in, not a new page loaded
        js("document.body.setAttribute('data-same-page', 'yes')");
        driver.findElement(By.id("q")).sendKeys(name.substring(2));
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = rows();
            return rows.size() == 1 && rows.get(0).getText().contains(name);
        });
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-same-page"));
        assertTrue(driver.getCurrentUrl().contains("q="), "the address follows the search: " + driver.getCurrentUrl());

        // usable at 375 px: nothing wider than the screen
        assertEquals(375L, ((Number) js("return window.innerWidth")).longValue());
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "page wider than the screen by " + overflow + " px");
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("member-list-375.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.findElement(By.linkText(name)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/members/\\d+$"));
        assertEquals(name, driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void showsTheErrorNextToTheFieldWhenTheNameIsMissing() {
        String sector = TestSupport.unique("表单界别");
        admin.post("/api/v1/sectors", Map.of("name", sector));
        signIn();

        open("/members/new");
        new Select(driver.findElement(By.id("gender"))).selectByValue("MALE");
        new Select(driver.findElement(By.id("sectorId"))).selectByVisibleText(sector);
        driver.findElement(By.id("phone")).sendKeys("13800000000");
        driver.findElement(By.cssSelector("#member-form button[type=submit]")).click();

        WebElement error = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        assertEquals("长度须在 1 到 50 个字符之间。", error.getText());
        // next to its field, and tied to it for screen readers
        WebElement field = driver.findElement(By.xpath("//p[@id='name-error']/parent::div"));
        assertEquals("name", field.findElement(By.tagName("input")).getAttribute("name"));
        WebElement input = driver.findElement(By.id("name"));
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(input.getAttribute("aria-describedby").contains("name-error"));
        // what was entered is kept, and only the faulty field is marked
        assertEquals("13800000000", driver.findElement(By.id("phone")).getAttribute("value"));
        assertEquals(sector, new Select(driver.findElement(By.id("sectorId"))).getFirstSelectedOption().getText());
        assertTrue(driver.findElements(By.id("gender-error")).isEmpty());
        assertFalse(driver.getCurrentUrl().matches(".*/members/\\d+$"), "no member was created");
    }

    private void signIn() {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestSupport.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#member-table tbody tr"));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
