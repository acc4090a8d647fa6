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

/**
 * The case page (issue 17): the text decided on comes first and the decision right under it, a
 * stage bar on top, irreversible steps confirmed in a dialog (cancel keeps the case where it was),
 * at 1366 px and 375 px, with axe-core; screenshots in target/screenshots.
 */
class CasePagesBrowserTest extends BrowserTestBase {

    private static final Path SHOTS = Path.of("target", "screenshots");

    static void width(int px) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", px, "height", px > 600 ? 900 : 800, "deviceScaleFactor", 1, "mobile", px <= 600));
    }

    static void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** No serious or critical axe-core violation on the page shown; every finding is printed. */
    static void accessible(String what) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        for (Rule v : violations) {
            System.out.println("axe " + what + ": " + v.getImpact() + " " + v.getId() + " (" + v.getNodes().size()
                    + " nodes) " + v.getHelp());
        }
        System.out.println("axe " + what + ": " + violations.size() + " violations, " + results.getPasses().size() + " passes");
        assertThat(violations).as(what).noneMatch(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()));
    }

    private static String state() {
        return driver.findElement(By.id("case-state")).getText();
    }

    private static String stage() {
        return driver.findElement(By.cssSelector("#case-stepper [aria-current=step]")).getAttribute("data-stage");
    }

    private static double top(String css) {
        return ((Number) js("return document.querySelector(\"" + css + "\").getBoundingClientRect().top + window.scrollY"))
                .doubleValue();
    }

    private static double bottom(String css) {
        return ((Number) js("return document.querySelector(\"" + css + "\").getBoundingClientRect().bottom + window.scrollY"))
                .doubleValue();
    }

    /** The decision's form follows the reply directly: nothing but its card's heading between them. */
    private static void decisionRightUnderTheReply(String form) {
        assertThat(top(form)).as("decision below the reply").isGreaterThan(bottom("#reply-content"));
        assertThat(js("return document.querySelector('#reply-title').closest('section').nextElementSibling.id"))
                .isEqualTo("actions");
        assertThat(top(form) - bottom("#reply-content")).as("px between reply and decision").isLessThan(300);
    }

    @Test
    void staffApproveAndTheLeadRatesRightUnderTheReplyAfterConfirming() throws IOException {
        Cases f = new Cases(admin);
        long id = f.caseIn("REPLY_REVIEW");
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        String member = user(List.of("MEMBER"), f.member(0), null);

        signIn(staff);
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/proposals/" + id);
            assertThat(stage()).isEqualTo("replyReview");
            assertThat(driver.findElements(By.cssSelector("#case-stepper .step-done"))).hasSize(4);
            assertThat(top("#case-stepper")).as("stage bar on top").isLessThan(top("#case-background"));
            decisionRightUnderTheReply("#reply-approve");
            if (px == 375) {
                assertNoOverflow();
                assertThat(driver.findElement(By.id("case-stage-now")).getText()).contains("第 5 步", "答复审核");
            }
            shot("case-reply-review-" + px + ".png");
            accessible("case reply review " + px);
        }
        // cancelling the confirmation leaves the case as it was
        driver.findElement(By.id("reply-approve")).click();
        WebElement dialog = driver.findElement(By.id("confirm-dialog"));
        waitFor().until(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("审核通过后答复将送达提案人");
        accessible("confirmation dialog");
        driver.findElement(By.id("confirm-cancel")).click();
        waitFor().until(d -> !dialog.isDisplayed());
        assertThat(state()).isEqualTo("答复审核中");
        assertThat(f.status(id)).isEqualTo("REPLY_REVIEW");
        driver.findElement(By.id("reply-approve")).click();
        confirmStep();
        waitFor().until(d -> "已答复".equals(state()));

        signIn(member);
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/proposals/" + id);
            assertThat(stage()).isEqualTo("rate");
            decisionRightUnderTheReply("#evaluate-form");
            shot("case-rate-" + px + ".png");
            accessible("case rating " + px);
        }
        driver.findElement(By.id("attitude-SATISFIED")).click();
        driver.findElement(By.id("result-BASICALLY_SATISFIED")).click();
        driver.findElement(By.id("evaluate-submit")).click();
        confirmStep();
        waitFor().until(d -> "已办结".equals(state()));
        assertThat(driver.findElements(By.cssSelector("#case-stepper .step-done"))).hasSize(7);
        assertNoOverflow();
    }
}
