package org.xieshang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.TestSupport;

/**
 * The member pages in Debian's headless Chromium at a phone's width (375 px): sign in, add a
 * member, find it by typing into the search box (htmx), and see a form error next to its field.
 * Skipped when Chromium is not installed, except on CI (CI=true), where that is a failure.
 */
class BrowserTest extends BrowserTestBase {

    @Test
    void addsAMemberAndFindsItBySearchingAsYouType() throws IOException {
        String sector = TestSupport.unique("浏览器界别");
        long sectorId = admin.post("/api/v1/sectors", Map.of("name", sector)).id();
        // a second member, so that the unfiltered list holds more than the one searched for
        assertEquals(201, admin.post("/api/v1/members", Map.of("name", TestSupport.unique("对照委员"), "gender", "MALE",
                "sectorId", sectorId)).status());
        signIn("admin", TestSupport.ADMIN_PASSWORD);

        open("/members");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.id("member-new")).click();
        waitFor().until(ExpectedConditions.urlContains("/members/new"));

        String name = TestSupport.unique("浏览器委员");
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("gender"))).selectByValue("FEMALE");
        new Select(driver.findElement(By.id("sectorId"))).selectByVisibleText(sector);
        driver.findElement(By.id("workUnit")).sendKeys("区图书馆");
        driver.findElement(By.cssSelector("#member-form button[type=submit]")).click();

        waitFor().until(ExpectedConditions.urlMatches(".*/members/\\d+$"));
        assertEquals(name, driver.findElement(By.tagName("h1")).getText());
        String history = driver.findElement(By.id("member-history")).getText();
        assertTrue(history.contains("创建") && history.contains("admin"), history);

        open("/members");
        waitFor().until(d -> rows().size() >= 2);
        // a mark on the page: it survives only if the results are swapped in, not a new page loaded
        js("document.body.setAttribute('data-same-page', 'yes')");
        driver.findElement(By.id("q")).sendKeys(name.substring(2));
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = rows();
            return rows.size() == 1 && rows.get(0).getText().contains(name);
        });
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-same-page"));
        assertTrue(driver.getCurrentUrl().contains("q="), "the address follows the search: " + driver.getCurrentUrl());

        // usable at 375 px: nothing wider than the screen
        assertNoOverflow();
        screenshot("member-list-375.png");

        driver.findElement(By.linkText(name)).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/members/\\d+$"));
        assertEquals(name, driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void showsTheErrorNextToTheFieldWhenTheNameIsMissing() {
        String sector = TestSupport.unique("表单界别");
        admin.post("/api/v1/sectors", Map.of("name", sector));
        signIn("admin", TestSupport.ADMIN_PASSWORD);

        open("/members/new");
        new Select(driver.findElement(By.id("gender"))).selectByValue("MALE");
        new Select(driver.findElement(By.id("sectorId"))).selectByVisibleText(sector);
        driver.findElement(By.id("phone")).sendKeys("13800000000");
        driver.findElement(By.cssSelector("#member-form button[type=submit]")).click();

        WebElement error = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        assertEquals("必填，最多 50 个字符。", error.getText());
        // next to its field, and tied to it for screen readers
        WebElement field = driver.findElement(By.xpath("//p[@id='name-error']/parent::div"));
        assertEquals("name", field.findElement(By.tagName("input")).getAttribute("name"));
        WebElement input = driver.findElement(By.id("name"));
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(input.getAttribute("aria-describedby").contains("name-error"));
        // what was entered is kept, and only the faulty field is marked
        assertEquals("13800000000", driver.findElement(By.id("phone")).getAttribute("value"));
        assertEquals(sector, new Select(driver.findElement(By.id("sectorId"))).getFirstSelectedOption().getText());
        assertTrue(driver.findElements(By.id("gender-error")).isEmpty());
        assertFalse(driver.getCurrentUrl().matches(".*/members/\\d+$"), "no member was created");
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#member-table tbody tr"));
    }
}
