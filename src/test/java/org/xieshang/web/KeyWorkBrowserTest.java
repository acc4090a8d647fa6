package org.xieshang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.xieshang.support.Api;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The scenario in headless Chromium at 375 px: staff mark a filed case key with its
 * lead-handling and supervising leaders and send a bulletin compiled from it; the leader signs in,
 * finds it unread, reads it (the office sees the read receipt) and comments; the comment becomes a
 * follow-up of the lead unit; the leader finds the case on their own key-proposal page.
 */
class KeyWorkBrowserTest extends BrowserTestBase {

    @Test
    void staffMarkAKeyProposalAndSendABulletinWhichTheLeaderReadsAndComments() throws IOException {
        Committee c = new Committee(admin, 2, 1);
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        String leader = user(List.of("LEADER_GOV"), null, null);
        String chair = user(List.of("LEADER_CPPCC"), null, null);
        long leaderId = idOf(leader);
        long chairId = idOf(chair);

        // a filed case assigned to the first unit
        String title = TestSupport.unique("关于推进老旧小区加装电梯的建议");
        Api author = c.member(0);
        long id = author.post("/api/v1/proposals", c.draft(title, List.of())).id();
        assertEquals(200, author.post("/api/v1/proposals/" + id + "/submit", Map.of()).status());
        Api office = c.staff();
        assertEquals(200, office.post("/api/v1/proposals/" + id + "/review", Map.of("decision", "FILE")).status());
        assertEquals(200, office.post("/api/v1/proposals/" + id + "/assign", Map.of("leadUnitId", c.unitIds.get(0))).status());

        // staff mark it key from the case page, with a lead-handling and a supervising leader
        signIn(staff);
        open("/proposals/" + id);
        driver.findElement(By.id("case-key")).click();
        waitFor().until(ExpectedConditions.urlContains("/proposals/" + id + "/key"));
        assertEquals("非重点提案", driver.findElement(By.id("key-badge")).getText());
        driver.findElement(By.id("lead-" + leaderId)).click();
        driver.findElement(By.id("supervisor-" + chairId)).click();
        assertNoOverflow();
        driver.findElement(By.id("key-mark-submit")).click();
        waitFor().until(ExpectedConditions.textToBe(By.id("key-badge"), "重点提案"));
        assertTrue(driver.findElement(By.id("key-lead-leaders")).getText().contains(leader));
        assertTrue(driver.findElement(By.id("key-supervisors")).getText().contains(chair));
        screenshot("key-case-375.png");

        // ... and compile a bulletin from it for the leader; the draft text is written from the case
        driver.findElement(By.id("key-compile")).click();
        waitFor().until(ExpectedConditions.urlContains("/bulletins/new"));
        assertTrue(driver.findElement(By.id("case-" + id)).isSelected(), "the case is chosen");
        String bulletinTitle = TestSupport.unique("提案要点：老旧小区加装电梯");
        driver.findElement(By.id("bulletin-title")).sendKeys(bulletinTitle);
        driver.findElement(By.id("kind-KEY_POINTS")).click();
        driver.findElement(By.id("recipient-" + leaderId)).click();
        assertNoOverflow();
        screenshot("bulletin-form-375.png");
        driver.findElement(By.id("bulletin-send")).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/bulletins/\\d+$"));
        String bulletinPath = currentPath();
        assertTrue(driver.findElement(By.id("bulletin-content")).getText().contains(title), "a draft from the case");
        assertTrue(driver.findElement(By.id("bulletin-receipts")).getText().contains("未读"));

        // the leader signs in: the bulletin waits unread; they read it and comment
        signIn(leader);
        open("/bulletins");
        WebElement entry = driver.findElement(By.id("bulletin-list"));
        assertTrue(entry.getText().contains(bulletinTitle) && entry.getText().contains("未读"), entry.getText());
        driver.findElement(By.linkText(bulletinTitle)).click();
        waitFor().until(ExpectedConditions.urlContains(bulletinPath));
        assertTrue(driver.findElement(By.id("bulletin-content")).getText().contains(title));
        assertTrue(driver.findElement(By.id("bulletin-number")).getText().contains("提案要点"));
        driver.findElement(By.id("comment-content")).sendKeys("请住建局会同街道抓紧制定加装电梯补助办法，年内见效。");
        assertNoOverflow();
        driver.findElement(By.id("comment-submit")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulletin-comments"), "加装电梯补助办法"));
        String comments = driver.findElement(By.id("bulletin-comments")).getText();
        assertTrue(comments.contains("待落实"), comments);
        screenshot("bulletin-comment-375.png");

        // the leader's own page holds the case they lead-handle
        open("/key-proposals");
        String mine = driver.findElement(By.id("key-list")).getText();
        assertTrue(mine.contains(title) && mine.contains("我领办"), mine);
        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.urlContains("/proposals/" + id + "/key"));
        assertTrue(driver.findElement(By.id("key-lead-leaders")).getText().contains(leader));
        assertNoOverflow();

        // the office sees the read receipt and the comment
        signIn(staff);
        open(bulletinPath);
        String receipts = driver.findElement(By.id("bulletin-receipts")).getText();
        assertTrue(receipts.contains(leader), receipts);
        assertFalse(receipts.contains("未读"), receipts);
        assertTrue(driver.findElement(By.id("bulletin-comments")).getText().contains("加装电梯补助办法"));

        // the comment is the lead unit's follow-up, and part of the case's history
        JsonNode followUps = c.unit(0).get("/api/v1/follow-ups?done=false").json();
        assertTrue(followUps.path("items").valueStream().anyMatch(f -> f.path("comment").asString().contains("加装电梯补助办法")),
                followUps.toString());
        open("/proposals/" + id);
        String timeline = driver.findElement(By.id("case-timeline")).getText();
        assertTrue(timeline.contains("确定为重点提案") && timeline.contains("领导批示"), timeline);
    }
}
