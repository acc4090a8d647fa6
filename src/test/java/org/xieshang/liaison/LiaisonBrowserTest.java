package org.xieshang.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xieshang.liaison.LiaisonFixture.groups;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.annotation.Import;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.TestSupport;

/**
 * The liaison pages in headless Chromium at a phone's width: the compliance chart is drawn by the
 * static script under the CSP, and a liaison logs a contact from "my members". Skipped without
 * Chromium, except on CI (CI=true), where that is a failure.
 */
@Import(LiaisonEvents.class)
class LiaisonBrowserTest extends BrowserTestBase {

    @Test
    void theComplianceChartIsDrawnFromItsDataAttribute() throws IOException {
        int year = 2020;
        LiaisonFixture fx = new LiaisonFixture(admin);
        long sector = fx.sector();
        long liaison = fx.member("VICE_CHAIR", sector);
        fx.members(12, sector);
        fx.confirmed(year);
        signIn("admin", TestSupport.ADMIN_PASSWORD);

        open("/liaison/compliance?year=" + year);
        WebElement chart = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#liaison-chart[data-drawn=true]")));
        // ECharts drew one bar label per liaison into its SVG
        assertTrue(chart.findElements(By.cssSelector("svg")).size() == 1, "an SVG chart");
        String labels = chart.getText() + (String) js("return document.querySelector('#liaison-chart svg').textContent");
        assertTrue(labels.contains(fx.name(liaison)), "the liaison's name is on the chart");
        assertNoOverflow();
        screenshot("liaison-compliance-375.png");
    }

    @Test
    void aLiaisonLogsAContactOnThePhone() throws IOException {
        int year = 2019;
        LiaisonFixture fx = new LiaisonFixture(admin);
        long sector = fx.sector();
        long liaison = fx.member("STANDING_COMMITTEE", sector);
        fx.members(12, sector, fx.sector());
        String username = fx.username(Set.of("MEMBER"), liaison, null);
        List<Long> group = groups(fx.confirmed(year)).get(liaison);
        signIn(username, LiaisonFixture.PASSWORD);

        open("/liaison/mine?year=" + year);
        String first = fx.name(group.get(0));
        WebElement row = driver.findElement(By.xpath("//ul[@class='my-members']/li[span[@class='name' and text()='" + first + "']]"));
        assertTrue(row.getText().contains("已联系 0 / 2 次"), row.getText());
        row.findElement(By.linkText("记录联系")).click();
        WebElement box = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[name=memberIds][value='" + group.get(0) + "']")));
        assertTrue(box.isSelected(), "the member chosen is ticked");
        assertNoOverflow();
        driver.findElement(By.id("contact-date")).clear();
        driver.findElement(By.id("contact-date")).sendKeys(year + "-06-18");
        js("document.getElementById('contact-date').value = '" + year + "-06-18'");
        driver.findElement(By.id("contact-situation")).sendKeys("身体健康，积极参加界别活动");
        screenshot("liaison-mine-375.png");
        driver.findElement(By.cssSelector("#contact-form button[type=submit]")).click();

        waitFor().until(ExpectedConditions.urlContains("logged"));
        assertTrue(driver.findElement(By.cssSelector("p.notice")).getText().contains("联系记录已保存"));
        row = driver.findElement(By.xpath("//ul[@class='my-members']/li[span[@class='name' and text()='" + first + "']]"));
        assertTrue(row.getText().contains("已联系 1 / 2 次"), row.getText());
        assertEquals(1, admin.get("/api/v1/liaison/contacts?year=" + year + "&liaisonMemberId=" + liaison)
                .json().path("total").asInt());
    }
}
