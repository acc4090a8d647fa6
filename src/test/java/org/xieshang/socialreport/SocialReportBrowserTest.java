package org.xieshang.socialreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;

/**
 * Social-conditions reports in headless Chromium at a phone's width (375 px): a member writes a
 * report, the office finds it by full-text search and adopts it at the city level, a government
 * leader comments, and the member reads the comment. Skipped without Chromium, except on CI.
 */
class SocialReportBrowserTest extends BrowserTestBase {

    @Test
    void fromAMembersPhoneToALeadersComment() throws IOException {
        Committee c = new Committee(admin, 0, 1);
        String member = user(List.of("MEMBER"), c.memberIds.get(0), null);
        String staff = user(List.of("PROPOSAL_STAFF"), null, null);
        String leader = user(List.of("LEADER_GOV"), null, null);
        String title = "关于学校门口接送拥堵的反映" + TestSupport.unique("");

        signIn(member);
        open("/social-reports/mine");
        assertNoOverflow();
        driver.findElement(By.id("report-title")).sendKeys(title);
        new Select(driver.findElement(By.id("report-category"))).selectByVisibleText("社会治理");
        driver.findElement(By.id("report-content")).sendKeys("每天放学时段学校门口车辆乱停，交通拥堵，存在安全隐患。");
        screenshot("socialreport-write-375.png");
        driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("written"));
        assertTrue(driver.findElement(By.id("my-reports")).getText().contains(title));
        assertTrue(driver.findElement(By.id("my-reports")).getText().contains("待处理"));
        assertNoOverflow();

        signIn(staff);
        open("/social-reports");
        driver.findElement(By.id("q")).sendKeys("接送拥堵");
        waitFor().until(d -> d.findElement(By.id("report-results")).getText().contains(title)
                && d.findElements(By.cssSelector("#report-results mark")).size() > 0);
        assertNoOverflow();
        driver.findElement(By.linkText(title)).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("adopt-form")));
        assertNoOverflow();
        new Select(driver.findElement(By.id("adopt-level"))).selectByValue("CITY");
        screenshot("socialreport-decide-375.png");
        driver.findElement(By.cssSelector("#adopt-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBe(By.id("report-status"), "已采用"));
        assertEquals("市级采用", driver.findElement(By.id("report-level")).getText());
        String reportPath = currentPath();

        signIn(leader);
        open(reportPath);
        driver.findElement(By.id("comment-content")).sendKeys("请教育局会同交警部门研究解决。");
        driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("comment-list")));
        assertTrue(driver.findElement(By.id("comment-list")).getText().contains("请教育局会同交警部门研究解决。"));
        assertNoOverflow();

        signIn(member);
        open(reportPath);
        assertTrue(driver.findElement(By.id("comment-list")).getText().contains("请教育局会同交警部门研究解决。"));
        assertTrue(driver.findElements(By.id("comment-form")).isEmpty(), "a member does not comment");
        assertTrue(driver.findElements(By.id("adopt-form")).isEmpty(), "a member does not decide");
        assertNoOverflow();
        screenshot("socialreport-report-375.png");
    }
}
