package org.xieshang.assessment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/**
 * The member's own assessment page on a phone (375 px): points against the pass mark and what is
 * missing in plain words; and the office starting a run, which computes in the background while the
 * page shows its progress. Skipped without Chromium, except on CI.
 */
class AssessmentBrowserTest extends BrowserTestBase {

    @Test
    void aMemberSeesWhatIsMissingOnThePhoneAndTheOfficeRunsAnAssessment() throws IOException {
        long memberId = Fixtures.member(admin, Fixtures.sector(admin), "测评委员");
        String member = user(List.of("MEMBER"), memberId, null);
        Fixtures.created(admin.post("/api/v1/members/" + memberId + "/duty-record", Map.of("kind", "MANUAL",
                "date", LocalDate.now().toString(), "description", "参加社区议事会", "points", 6)));

        signIn(member);
        open("/assessment/mine");
        String points = driver.findElement(By.id("my-points")).getText();
        assertTrue(points.contains("今年已得 6 分") && points.contains("合格线 60 分"), points);
        String missing = driver.findElement(By.id("my-missing")).getText();
        assertTrue(missing.contains("还需") && missing.contains("次"), missing);
        assertTrue(driver.findElement(By.id("my-entries")).getText().contains("参加社区议事会"));
        assertNoOverflow();
        screenshot("assessment-mine-375.png");

        signIn("admin", TestSupport.ADMIN_PASSWORD);
        open("/assessment");
        assertNoOverflow();
        driver.findElement(By.cssSelector("form[action='/assessment/runs'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlMatches("/assessment/runs/\\d+$"));
        String path = currentPath();
        // done in the background: the progress bar turns into a link, or the results were already there
        waitFor().until(d -> !d.findElements(By.id("results")).isEmpty()
                || !d.findElements(By.cssSelector("#run-progress a")).isEmpty());
        open(path);
        assertTrue(driver.findElement(By.id("results")).getText().contains("测评委员"));
        assertNoOverflow();
        screenshot("assessment-run-375.png");
    }
}
