package org.xieshang.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.xieshang.support.BrowserTestBase;

/**
 * The public pages in headless Chromium at a phone's width (375 px), without signing in: from
 * the login page to the list, a search, and one proposal with its reply; nothing wider than the screen.
 */
class PublicBrowserTest extends BrowserTestBase {


    @Test
    void aVisitorFindsAndReadsAPublishedProposalOnAPhone() throws IOException {
        Cases f = new Cases(admin);
        String w = PublicProposalApiTest.word();
        long id = PublicProposalApiTest.caseWith(f, w, "CLOSED");
        ok(200, f.staff().post(P + "/" + id + "/publication", Map.of("published", true)));
        String title = f.get(id).path("title").asString();

        open("/login");
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

    private static void fitsThePhone(String name) throws IOException {
        assertNoOverflow();
        screenshot(name);
    }
}
