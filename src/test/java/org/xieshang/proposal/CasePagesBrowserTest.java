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
        try {
            List<WebElement> found = driver.findElements(By.id("case-state"));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException navigating) {
            return ""; // the page is being replaced after a form was sent
        }
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

    @Test
    void aCoUnitWithoutAnAccountIsFlaggedRemindedAndItsPaperOpinionEnteredAndTheUnitReachesTheProposer() throws IOException {
        Cases f = new Cases(admin);
        admin.patch("/api/v1/members/" + f.member(0), Map.of("phone", "13900002345", "email", "lead@example.org"));
        long id = f.caseIn("FILED");
        String title = f.get(id).path("title").asString();
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        String lead = user(List.of("UNIT_HANDLER"), null, f.unit(0));
        String co = user(List.of("UNIT_HANDLER"), null, f.unit(1));
        long noAccount = f.unit(2);

        signIn(staff);
        width(1366);
        open("/proposals/" + id);
        WebElement orphan = driver.findElement(By.cssSelector("input[name=coUnitIds][value='" + noAccount + "']"));
        assertThat(orphan.findElement(By.xpath("./ancestor::label")).getText()).contains("无账号");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("assign-leadUnitId")))
                .selectByValue(String.valueOf(f.unit(0)));
        js("document.querySelector(\"input[name=coUnitIds][value='" + f.unit(1) + "']\").checked = true;"
                + "document.querySelector(\"input[name=coUnitIds][value='" + noAccount + "']\").checked = true;");
        driver.findElement(By.id("assign-submit")).click();
        confirmStep();
        waitFor().until(d -> "已交办".equals(state()));
        assertThat(driver.findElement(By.cssSelector(".notice, [role=status]")).getText()).contains("尚无可用账号");
        assertThat(driver.findElement(By.id("units-without-account")).getText()).contains("尚无可用账号");

        // the lead unit: who blocks the reply, a reminder for the unit that can hear it, the proposer's phone
        signIn(lead);
        open("/proposals/" + id);
        driver.findElement(By.id("unit-accept")).click();
        waitFor().until(d -> "办理中".equals(state()));
        assertThat(driver.findElement(By.id("case-proposers")).getText()).contains("13900002345", "lead@example.org");
        WebElement owing = driver.findElement(By.id("co-units-owing"));
        assertThat(owing.findElement(By.cssSelector("li[data-unit='" + noAccount + "']")).getText()).contains("无账号", "提案办");
        driver.findElement(By.id("remind-" + f.unit(1))).click();
        waitFor().until(d -> d.findElements(By.id("remind-" + f.unit(1))).isEmpty());
        assertThat(driver.findElement(By.id("co-units-owing")).getText()).contains("今天已提醒");
        width(375);
        assertNoOverflow();
        shot("case-co-units-lead-375.png");
        accessible("co-units lead 375");

        // the co-unit's home lists the opinion it owes, with its due date
        signIn(co);
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/");
            WebElement panel = driver.findElement(By.cssSelector("[data-panel='casepages.home.opinionsOwed']"));
            assertThat(panel.getText()).contains(title).contains("期限");
            shot("home-co-unit-" + px + ".png");
        }
        assertNoOverflow();
        // a co-unit does not get the proposers' contacts of a case it is not on... but it is on this one
        open("/proposals/" + id);
        assertThat(driver.findElement(By.id("case-proposers")).getText()).contains("13900002345");

        // the office enters the orphan unit's opinion received on paper
        signIn(staff);
        width(375);
        open("/proposals/" + id);
        assertThat(driver.findElement(By.id("case-proposers")).getText()).doesNotContain("13900002345");
        driver.findElement(By.id("paper-content-" + noAccount)).sendKeys("书面会签意见：同意。");
        driver.findElement(By.id("paper-submit-" + noAccount)).click();
        waitFor().until(d -> d.findElements(By.id("paper-content-" + noAccount)).isEmpty());
        assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("代录书面会签意见");
        assertNoOverflow();
        accessible("co-units office 375");
    }

    @Test
    void mergeCandidatesShowOnlyWhatPassesTheThresholdInOneFormatOrSayNoneDoes() {
        Cases f = new Cases(admin);
        long id = f.caseIn("SUBMITTED");
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        signIn(staff);
        width(375);
        open("/proposals/" + id);
        // the candidates come after the page (htmx): a loading line first, then the list or the word that none passes
        waitFor().until(d -> d.findElements(By.id("merge-loading")).isEmpty());
        List<WebElement> scores = driver.findElements(By.cssSelector("#merge-candidates .score"));
        for (WebElement score : scores) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("相似度 (\\d+)%").matcher(score.getText());
            assertThat(m.matches()).as(score.getText()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(25);
        }
        if (scores.isEmpty()) {
            assertThat(driver.findElement(By.id("merge-none")).getText()).contains("25%");
        }
        // a case on a subject of its own: none passes, and the page says so
        Map<String, Object> body = new java.util.HashMap<>(f.c.draft("关于规范共享单车停放管理的建议", List.of()));
        body.put("background", "地铁站口共享单车乱停乱放，占用盲道。");
        body.put("suggestions", "划定停放区域，企业负责调度。");
        long lone = f.lead().post(Cases.P, body).id();
        f.advance(lone, "SUBMITTED", false);
        open("/proposals/" + lone);
        waitFor().until(d -> d.findElements(By.id("merge-loading")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#merge-candidates li"))).isEmpty();
        assertThat(driver.findElement(By.id("merge-none")).getText()).contains("相似度达到 25%");
        accessible("merge none 375");
    }

    @Test
    void aPartLoadedAfterThePageThatIsRefusedSaysSoInsteadOfLoadingForever() {
        Cases f = new Cases(admin);
        long id = f.caseIn("SUBMITTED");
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        signIn(staff);
        width(375);
        open("/proposals/" + id);
        waitFor().until(d -> d.findElements(By.id("merge-loading")).isEmpty());
        // a load that succeeds shows no failure text
        assertThat(driver.getPageSource()).doesNotContain("这部分未能载入");
        // meanwhile the case is assigned: its merge candidates are refused (409), and a slot asking for them says so
        f.advance(id, "ASSIGNED", false);
        js("var s = document.createElement('div'); s.id = 'late-slot';"
                + " s.setAttribute('hx-get', '/proposals/" + id + "/merge-candidates'); s.setAttribute('hx-trigger', 'load');"
                + " s.setAttribute('hx-swap', 'outerHTML'); s.setAttribute('data-load-failed', '这部分未能载入');"
                + " s.innerHTML = '<p class=\"hint loading\" id=\"late-loading\" role=\"status\">…</p>';"
                + " document.getElementById('action-merge') ? document.getElementById('action-merge').appendChild(s)"
                + " : document.body.appendChild(s); htmx.process(s);");
        waitFor().until(d -> d.findElement(By.id("late-loading")).getText().equals("这部分未能载入"));
        WebElement line = driver.findElement(By.id("late-loading"));
        assertThat(line.getAttribute("role")).isEqualTo("alert");
        assertThat(line.getAttribute("class")).doesNotContain("loading");
    }

    /** Every label of the picker shown in full: none wider than its box, the page no wider than the screen. */
    private static void noCutLabels(String picker) {
        Number cut = (Number) js("return Array.from(document.querySelectorAll('" + picker + " label')).filter(l => l.offsetParent"
                + " && (l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > document.documentElement.clientWidth)).length");
        assertThat(cut.intValue()).as("labels cut in " + picker).isZero();
    }

    @Test
    void theCoUnitAndProposalPickersAreSearchableByKeyboardGroupedAndNotCut() throws IOException {
        Cases f = new Cases(admin);
        long id = f.caseIn("FILED");
        String unitName = admin.get("/api/v1/units?size=500").json().path("items").valueStream()
                .filter(u -> u.path("id").asLong() == f.unit(1)).findFirst().orElseThrow().path("name").asString();
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        signIn(staff);
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/proposals/" + id);
            WebElement filter = driver.findElement(By.id("assign-coUnits-filter"));
            assertThat(filter.isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("#assign-coUnits .pick-group-title"))).isNotEmpty();
            noCutLabels("#assign-coUnits");
            // keyboard only: type, Enter goes to the first match, Space ticks it
            filter.sendKeys(unitName);
            List<WebElement> shown = driver.findElements(By.cssSelector("#assign-coUnits label")).stream()
                    .filter(WebElement::isDisplayed).toList();
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).getText()).contains(unitName);
            filter.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo(String.valueOf(f.unit(1)));
            driver.switchTo().activeElement().sendKeys(" ");
            WebElement chip = driver.findElement(By.cssSelector("#assign-coUnits .pick-chosen .chip"));
            assertThat(chip.getText()).contains(unitName);
            assertThat(driver.findElement(By.cssSelector("#assign-coUnits [data-pick-count]")).getText()).isEqualTo("1");
            if (px == 375) {
                assertNoOverflow();
                shot("assign-co-units-375.png");
                accessible("co-unit picker 375");
                // the chip takes it back out
                chip.click();
                assertThat(driver.findElement(By.cssSelector("input[name=coUnitIds][value='" + f.unit(1) + "']")).isSelected())
                        .isFalse();
            } else {
                shot("assign-co-units-1366.png");
            }
        }
        // the proposal picker of a new bulletin
        for (int px : new int[] {1366, 375}) {
            width(px);
            open("/bulletins/new");
            WebElement filter = driver.findElement(By.id("bulletin-proposals-filter"));
            assertThat(filter.isDisplayed()).isTrue();
            noCutLabels("#bulletin-proposals");
            String title = f.get(id).path("title").asString();
            filter.sendKeys(title);
            List<WebElement> shown = driver.findElements(By.cssSelector("#bulletin-proposals label")).stream()
                    .filter(WebElement::isDisplayed).toList();
            assertThat(shown).hasSize(1);
            filter.sendKeys(org.openqa.selenium.Keys.ENTER);
            driver.switchTo().activeElement().sendKeys(" ");
            assertThat(driver.findElement(By.cssSelector("#bulletin-proposals .pick-chosen")).getText()).contains(title);
            if (px == 375) {
                assertNoOverflow();
                accessible("bulletin picker 375");
            }
            shot("bulletin-proposals-" + px + ".png");
        }
    }
}
