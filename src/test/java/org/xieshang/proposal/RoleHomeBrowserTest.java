package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.TestSupport;

/**
 * Each role's home page and the grouped menu, at 1366 px and at 375 px: the role's own actions and
 * lists (no office figures for others), the menu grouped by mechanism and collapsed behind one
 * button on a phone, no serious or critical axe-core finding; screenshots in target/screenshots.
 * Also /stats at 375 px: its tables scroll inside their own box, the first column kept in view.
 */
class RoleHomeBrowserTest extends BrowserTestBase {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private void width(int px) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", px, "height", px > 600 ? 900 : 800, "deviceScaleFactor", 1, "mobile", px <= 600));
    }

    private static void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** No serious or critical axe-core violation on the page shown; every finding is printed. */
    private static void accessible(String what) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        for (Rule v : violations) {
            System.out.println("axe " + what + ": " + v.getImpact() + " " + v.getId() + " (" + v.getNodes().size()
                    + " nodes) " + v.getHelp());
        }
        System.out.println("axe " + what + ": " + violations.size() + " violations, " + results.getPasses().size() + " passes");
        assertThat(violations).as(what).noneMatch(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()));
    }

    private List<String> groups() {
        return driver.findElements(By.cssSelector("#main-nav .nav-group > details > summary")).stream()
                .map(WebElement::getText).toList();
    }

    private void home(String role, String username, String password, String expectId) throws IOException {
        signIn(username, password);
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/");
            assertThat(driver.findElements(By.cssSelector(expectId))).as(role + " " + expectId).isNotEmpty();
            WebElement toggle = driver.findElement(By.id("nav-toggle"));
            WebElement nav = driver.findElement(By.id("main-nav"));
            if (px == 1366) {
                assertThat(toggle.isDisplayed()).isFalse();
                assertThat(nav.isDisplayed()).isTrue();
                // home, the inbox and at most the eight mechanism groups in the bar, the links inside the groups
                assertThat(driver.findElements(By.cssSelector("#main-nav .nav-sections > li"))).hasSizeLessThanOrEqualTo(10);
            } else {
                assertThat(nav.isDisplayed()).as("menu collapsed on a phone").isFalse();
                assertNoOverflow();
                shot("home-" + role + "-375.png");
                accessible(role + " 375");
                toggle.click();
                waitFor().until(d -> nav.isDisplayed());
                assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            }
            if (!groups().isEmpty()) {
                WebElement first = driver.findElement(By.cssSelector("#main-nav .nav-group > details > summary"));
                first.click();
                WebElement link = driver.findElement(By.cssSelector("#main-nav .nav-group details[open] ul a"));
                waitFor().until(d -> link.isDisplayed());
            }
            if (px == 1366) {
                shot("home-" + role + "-1366.png");
                driver.findElement(By.tagName("h1")).click();
                accessible(role + " 1366");
            }
        }
        width(375);
    }

    @Test
    void eachRoleHasItsOwnHomeAndAGroupedMenu() throws IOException {
        Cases f = new Cases(admin);
        long open = f.caseIn("ASSIGNED");
        String title = f.get(open).path("title").asString();
        String member = user(List.of("MEMBER"), f.member(0), null);
        String unit = user(List.of("UNIT_HANDLER"), null, f.unit(0));
        String leader = user(List.of("LEADER_CPPCC"), null, null);
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);

        home("member", member, PASSWORD, "[data-panel='home.panel.myCases']");
        assertThat(driver.findElement(By.id("home-actions")).getText()).contains("撰写提案", "我的提案", "我的活动");
        assertThat(driver.findElement(By.cssSelector("[data-panel='home.panel.myCases']")).getText()).contains(title);
        assertThat(driver.findElements(By.id("member-status"))).as("no office figures for a member").isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-panel='home.panel.myActivities'] .empty")).getText())
                .contains("邀请");

        home("unit", unit, PASSWORD, "[data-panel='home.panel.unitDue']");
        assertThat(driver.findElement(By.cssSelector("[data-panel='home.panel.unitDue']")).getText())
                .contains(title).contains("期限");
        assertThat(driver.findElements(By.id("member-status"))).isEmpty();

        home("leader", leader, PASSWORD, "[data-panel='home.panel.keyCases']");
        assertThat(driver.findElement(By.id("home-actions")).getText()).contains("重点提案", "简报与批示", "办理结果");

        home("office", staff, PASSWORD, "#member-status");
        assertThat(driver.findElement(By.id("home-actions")).getText()).contains("审核提案", "交办提案");
        width(1366);
        open("/");
        assertThat(groups()).as("the office menu, grouped by mechanism").contains("提案", "委员");
        width(375);

        home("admin", "admin", TestSupport.ADMIN_PASSWORD, "#member-status");
        width(1366);
        open("/");
        assertThat(groups()).contains("系统");
        width(375);
    }

    @Test
    void statsTablesScrollInTheirOwnBoxOnAPhone() throws IOException {
        Cases f = new Cases(admin);
        f.caseIn("CLOSED");
        signIn("admin", TestSupport.ADMIN_PASSWORD);
        width(375);
        open("/stats");
        List<WebElement> tables = driver.findElements(By.cssSelector("main table"));
        assertThat(tables).isNotEmpty();
        for (WebElement table : tables) {
            assertThat(table.getCssValue("overflow-x")).isEqualTo("auto");
            assertThat(table.getSize().getWidth()).isLessThanOrEqualTo(375);
            WebElement first = table.findElement(By.cssSelector("tr > *:first-child"));
            assertThat(first.getCssValue("position")).isEqualTo("sticky");
        }
        // category names keep whole words: no cell only one character wide
        Number narrowest = (Number) js("return Math.min(...Array.from(document.querySelectorAll('main table tbody tr > :first-child'))"
                + ".filter(td => td.textContent.trim().length > 1).map(td => td.getBoundingClientRect().width))");
        assertThat(narrowest.doubleValue()).isGreaterThan(40);
        assertNoOverflow();
        shot("stats-tables-375.png");
    }
}
