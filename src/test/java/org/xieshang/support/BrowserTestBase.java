package org.xieshang.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test: the whole application plus Debian's headless Chromium at a phone's width
 * (375 px). One browser serves every browser test class of the test JVM (started by the first,
 * closed when the JVM ends); each class starts from a blank page, no cookies and the phone's
 * viewport. Skipped without Chromium, except on CI (CI=true), where that fails (see
 * {@link HeadlessChromium}).
 */
public abstract class BrowserTestBase extends ApiTestBase {

    protected static final String PASSWORD = "browser-pass-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Map<String, Long> userIds = new HashMap<>();
    private static HeadlessChromium chromium;
    private static boolean started;
    protected static WebDriver driver;

    @BeforeAll
    static synchronized void startBrowser() {
        if (!started) { // a browser start is seconds of the suite: one for all classes
            started = true;
            chromium = HeadlessChromium.startOrSkip();
            if (chromium != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(chromium::close, "chromium-close"));
            }
        }
        driver = chromium == null ? null : chromium.driver();
        if (driver != null) {
            chromium.reset();
        }
    }

    @BeforeEach
    void needsTheBrowser() {
        HeadlessChromium.assumeAvailable(chromium);
    }

    /** A user with {@link #PASSWORD}, to sign in through the login page; answers the username. */
    protected String user(List<String> roles, Long memberId, Long unitId) {
        TestSupport.Account account = TestSupport.account(admin, roles, memberId, unitId, PASSWORD);
        userIds.put(account.username(), account.id());
        return account.username();
    }

    /** The id of a user made by {@link #user}. */
    protected long idOf(String username) {
        return userIds.get(username);
    }

    protected void signIn(String username) {
        signIn(username, PASSWORD);
    }

    protected void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** The path of the page shown now. */
    protected static String currentPath() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    protected static void assertNoOverflow() {
        assertEquals(375L, ((Number) js("return window.innerWidth")).longValue());
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "page wider than the screen by " + overflow + " px");
    }

    /** The whole page at the phone's width: the viewport is stretched to the page's height for the shot. */
    protected static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver chrome = (ChromeDriver) driver;
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", true));
        try {
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Answers 确认 in the page's confirmation dialog (confirm.js), which an irreversible step opens. */
    protected static void confirmStep() {
        waitFor().until(d -> {
            var ok = d.findElements(By.id("confirm-ok"));
            return !ok.isEmpty() && ok.get(0).isDisplayed();
        });
        driver.findElement(By.id("confirm-ok")).click();
    }

    protected static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    protected static WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }
}
