package org.xieshang.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests, as a 375 px Chinese phone, downloading nothing.
 * Without Chromium the tests are skipped with the reason, except on CI (CI=true), where they fail.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
            + " (Debian: apt-get install chromium chromium-driver)";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A started browser, or null (tests then skip) when Chromium is missing on a developer machine. */
    public static HeadlessChromium startOrSkip() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING + "; on CI they must run.");
            }
            System.err.println("SKIPPED: " + MISSING + "; skipping the browser tests on this machine.");
            return null;
        }
        try {
            Path profile = Files.createTempDirectory("xieshang-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // without the background-networking flags Chromium floods the closed network with refused connections
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=375,800", "--user-data-dir=" + profile, "--lang=zh-CN");
            // the interface is Chinese first: ask for it as a Chinese phone would
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriver chrome = new ChromeDriver(service, options);
            // headless Chromium keeps windows at least 500 px wide: emulate the phone's viewport itself
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
            return new HeadlessChromium(service, chrome, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips the test, with the reason, when the browser could not be started here. */
    public static void assumeAvailable(HeadlessChromium chromium) {
        Assumptions.assumeTrue(chromium != null, MISSING + "; skipped on this machine (on CI, where CI=true, they fail instead).");
    }

    /**
     * Back to a fresh browser's state for the next test class: an open dialog dismissed, extra windows
     * closed, every cookie cleared, the phone's viewport and a blank page (local storage is per origin,
     * and every application context has a port of its own).
     */
    public void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (org.openqa.selenium.NoAlertPresentException none) {
            // the usual case
        }
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        driver.get("about:blank");
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
