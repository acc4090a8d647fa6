package org.xieshang.evaluation;

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

/**
 * Democratic evaluation at a phone's width (375 px): the office prints ballot sheets with QR codes, a
 * service recipient opens a sheet's link without signing in and votes, and once the office publishes,
 * the result is on the public page. Skipped without Chromium, except on CI.
 */
class EvaluationBrowserTest extends BrowserTestBase {

    @Test
    void aServiceRecipientVotesByQrLinkAndThePublishedResultIsPublic() throws IOException {
        Committee c = new Committee(admin, 1, 1);
        long unit = c.unitIds.get(0);
        long viceChair = admin.post("/api/v1/members", Map.of("name", TestSupport.unique("副主席"), "gender", "FEMALE",
                "sectorId", c.sectorId, "roles", List.of("VICE_CHAIR"))).id();
        Api.Res created = admin.post("/api/v1/evaluations", Map.of("year", 2026, "termId", c.termId, "unitIds", List.of(unit)));
        long id = created.id();
        admin.post("/api/v1/evaluations/" + id + "/groups", Map.of("unitId", unit, "leaderMemberId", viceChair,
                "memberIds", List.of(c.memberIds.get(0)), "externalParticipants", List.of(Map.of("name", "张群众"))));
        admin.post("/api/v1/evaluations/" + id + "/ballot-codes", Map.of("unitId", unit, "count", 2));

        String office = user(List.of("ADMIN"), null, null);
        signIn(office);
        open("/evaluations/" + id + "/sheets?unitId=" + unit);
        List<WebElement> qrs = driver.findElements(By.cssSelector("img.ballot-qr"));
        assertTrue(qrs.size() == 2, "two printable sheets");
        assertTrue(qrs.get(0).getAttribute("src").startsWith("data:image/png;base64,"));
        String link = qrs.get(0).getAttribute("data-url").replaceFirst("^https?://[^/]+", "");
        assertNoOverflow();
        screenshot("evaluation-sheets-375.png");

        // the service recipient has no account: the QR link opens the ballot without sign-in
        driver.manage().deleteAllCookies();
        open(link);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("vote-form")));
        assertNoOverflow();
        for (WebElement input : driver.findElements(By.cssSelector("#vote-form input[type=number]"))) {
            input.sendKeys("88");
        }
        screenshot("evaluation-vote-375.png");
        driver.findElement(By.id("vote-submit")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("vote-thanks")));
        // the code works once
        open(link);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("vote-closed")));

        open("/public/evaluations/" + id);
        assertTrue(driver.findElements(By.id("evaluation-results")).isEmpty(), "unpublished results are not public");

        signIn(office);
        open("/evaluations/" + id);
        assertNoOverflow();
        driver.findElement(By.id("publish")).click();
        waitFor().until(ExpectedConditions.textToBe(By.id("evaluation-status"), "已公布"));

        driver.manage().deleteAllCookies();
        open("/public/evaluations/" + id);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-results")));
        String table = driver.findElement(By.id("evaluation-results")).getText();
        assertTrue(table.contains("88.00"), table);
        assertTrue(table.contains("年度十佳"), table);
        assertNoOverflow();
        screenshot("evaluation-public-375.png");
    }
}
