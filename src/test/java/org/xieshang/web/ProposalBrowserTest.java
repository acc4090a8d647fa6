package org.xieshang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.xieshang.support.Api;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;

/**
 * The scenario in Debian's headless Chromium at a phone's width (375 px): a member writes
 * a proposal (similar earlier cases appear while typing) and submits it; staff file and assign it;
 * the unit accepts it, logs contact with the proposer and replies; staff approve the reply; the
 * member rates it satisfied, and the case shows CLOSED with its whole timeline. Same Chromium setup
 * as {@link BrowserTest}: skipped without Chromium, except on CI (CI=true), where that fails.
 */
class ProposalBrowserTest extends BrowserTestBase {

    @Test
    void aMemberProposalIsFiledAssignedAnsweredRatedAndClosed() throws IOException {
        Committee c = new Committee(admin, 2, 2);
        String member = user(List.of("MEMBER"), c.memberIds.get(0), null);
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        String handler = user(List.of("UNIT_HANDLER"), null, c.unitIds.get(0));
        String head = user(List.of("UNIT_HEAD"), null, c.unitIds.get(0));

        // an earlier case on the same matter, filed and handled by the unit, for the member to see while typing
        String earlier = TestSupport.unique("关于社区养老服务站建设的建议");
        Api author = c.member(1);
        Map<String, Object> body = new HashMap<>(c.draft(earlier, List.of()));
        body.put("background", "我区老年人口比重持续上升，社区养老服务站数量不足，助餐助浴等服务覆盖面窄。");
        body.put("suggestions", "一是每个社区建设一处养老服务站；二是推行老年助餐服务；三是引入专业养老机构运营。");
        body.put("category", "社会保障");
        long earlierId = author.post("/api/v1/proposals", body).id();
        assertEquals(200, author.post("/api/v1/proposals/" + earlierId + "/submit", Map.of()).status());
        Api office = c.staff();
        assertEquals(200, office.post("/api/v1/proposals/" + earlierId + "/review", Map.of("decision", "FILE")).status());
        assertEquals(200, office.post("/api/v1/proposals/" + earlierId + "/assign",
                Map.of("leadUnitId", c.unitIds.get(1))).status());

        // the member writes the proposal on a phone
        signIn(member);
        open("/proposals/mine");
        driver.findElement(By.id("proposal-new")).click();
        waitFor().until(ExpectedConditions.urlContains("/proposals/new"));
        String title = TestSupport.unique("关于加快社区养老服务站建设的建议");
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("background")).sendKeys("社区养老服务站不足，老年人助餐助浴需求得不到满足。");
        driver.findElement(By.id("suggestions")).sendKeys("建议每个社区建设养老服务站，推行老年助餐服务。");
        // after a pause in typing, htmx asks for similar cases: the earlier one shows with how it was handled
        WebElement similar = waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> list = d.findElements(By.id("similar-list"));
                    return !list.isEmpty() && list.get(0).getText().contains(earlier) ? list.get(0) : null;
                });
        assertTrue(similar.getText().contains("已交办"), similar.getText());
        // the panel may be rendered again by a later answer (the last keystrokes): read and click what is there then
        String likely = waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("likely-category")).getText());
        assertTrue(likely.contains("社会保障"), likely);
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#likely-category button[data-apply-category]")).click();
            return true;
        });
        assertEquals("社会保障", new Select(driver.findElement(By.id("category"))).getFirstSelectedOption().getText());
        new Select(driver.findElement(By.id("sessionId"))).selectByValue(String.valueOf(c.sessionId));
        driver.findElement(By.id("duringPlenary")).click();
        assertNoOverflow();
        screenshot("proposal-form-375.png");
        driver.findElement(By.id("proposal-save")).click();

        waitFor().until(ExpectedConditions.urlMatches(".*/proposals/\\d+$"));
        String casePath = currentPath();
        assertEquals(title, driver.findElement(By.id("case-title")).getText());
        assertEquals("草稿", state());
        driver.findElement(By.id("proposal-submit")).click();
        confirmStep();
        waitFor().until(d -> "已提交".equals(state()));

        // staff file it from the review queue, then assign it on the same page
        signIn(staff);
        open("/proposals/review");
        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/proposals/\\d+$"));
        // the earlier case is offered for merging, with its similarity (loaded after the page)
        assertTrue(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-candidates"))).getText()
                .contains(earlier));
        assertNoOverflow();
        screenshot("proposal-review-375.png");
        driver.findElement(By.id("review-file")).click();
        confirmStep();
        waitFor().until(d -> "已立案".equals(state()));
        assertTrue(driver.findElement(By.id("case-number")).getText().matches("第\\d{4}号"));
        WebElement due = driver.findElement(By.id("assign-dueDate"));
        assertTrue(due.getAttribute("value").matches("\\d{4}-\\d{2}-\\d{2}"), "the default due date is shown");
        // the unit that handled the earlier case is suggested
        assertTrue(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("unit-hints"))).getText()
                .contains(unitName(c.unitIds.get(1))));
        assertNoOverflow();
        screenshot("proposal-assign-375.png");
        new Select(driver.findElement(By.id("assign-leadUnitId"))).selectByValue(String.valueOf(c.unitIds.get(0)));
        driver.findElement(By.id("assign-submit")).click();
        confirmStep();
        waitFor().until(d -> "已交办".equals(state()));

        // the unit accepts it, logs contact with the proposer, and replies
        signIn(handler);
        open("/proposals/unit");
        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/proposals/\\d+$"));
        driver.findElement(By.id("unit-accept")).click();
        waitFor().until(d -> "办理中".equals(state()));
        assertNoOverflow();
        screenshot("proposal-unit-375.png");
        new Select(driver.findElement(By.id("record-type"))).selectByValue("PROPOSER_CONTACT");
        driver.findElement(By.id("record-content")).sendKeys("电话联系提案人，沟通养老服务站选址和运营方案。");
        driver.findElement(By.id("record-submit")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-records"), "沟通养老服务站选址"));
        driver.findElement(By.cssSelector("#reply-form input[name=category][value=A]")).click();
        driver.findElement(By.id("reply-content-input")).sendKeys("已将社区养老服务站建设列入今年民生实事，新建十处。");
        driver.findElement(By.id("reply-submit")).click();
        confirmStep();
        waitFor().until(d -> "答复审核中".equals(state()));

        // the unit head signs the reply (issue 15), after reading it right above the decision
        signIn(head);
        open(casePath);
        driver.findElement(By.id("signoff-approve")).click();
        confirmStep();
        waitFor().until(d -> d.findElements(By.id("case-signoff")).isEmpty());

        // staff approve the reply
        signIn(staff);
        open("/proposals/replies");
        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/proposals/\\d+$"));
        driver.findElement(By.id("reply-approve")).click();
        confirmStep();
        waitFor().until(d -> "已答复".equals(state()));

        // the member reads the reply and rates it satisfied: the case is closed
        signIn(member);
        open(casePath);
        assertTrue(driver.findElement(By.id("reply-content")).getText().contains("新建十处"));
        driver.findElement(By.id("attitude-SATISFIED")).click();
        driver.findElement(By.id("result-SATISFIED")).click();
        driver.findElement(By.id("evaluate-comment")).sendKeys("办理及时，很满意。");
        driver.findElement(By.id("evaluate-submit")).click();
        confirmStep();
        waitFor().until(d -> "已办结".equals(state()));
        assertTrue(driver.findElements(By.id("evaluate-form")).isEmpty(), "rated once per reply");

        String timeline = driver.findElement(By.id("case-timeline")).getText();
        int at = -1;
        for (String step : List.of("创建草稿", "提交", "立案", "交办", "接收办理", "与提案人沟通", "提交答复", "答复审核通过",
                "满意度测评")) {
            int next = timeline.indexOf(step, at + 1);
            assertTrue(next > at, "timeline lacks " + step + " in order:\n" + timeline);
            at = next;
        }
        assertTrue(timeline.contains("已答复 → 已办结"), timeline);
        assertTrue(timeline.contains(member), "who did it: " + timeline);
        assertNoOverflow();
        screenshot("proposal-case-375.png");
    }

    private String unitName(long id) {
        return admin.get("/api/v1/units?size=200").json().path("items").valueStream()
                .filter(u -> u.path("id").asLong() == id).findFirst().orElseThrow().path("name").asString();
    }

    private static String state() {
        try {
            List<WebElement> found = driver.findElements(By.id("case-state"));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException navigating) {
            return "";
        }
    }
}
