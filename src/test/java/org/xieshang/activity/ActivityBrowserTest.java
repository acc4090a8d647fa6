package org.xieshang.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestClock;
import org.xieshang.support.TestSupport;

/**
 * The activity pages in headless Chromium at a phone's width: the office's QR screen shows a code,
 * a signed-in member opens the link the QR code holds and is checked in; a forged or an expired
 * code is refused. Skipped without Chromium, except on CI (CI=true), where that is a failure.
 */
@Import({TestClock.Config.class, ActivityEvents.class})
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class ActivityBrowserTest extends BrowserTestBase {

    @Autowired
    TestClock clock;

    @Test
    void aMemberOpensTheQrLinkOnThePhoneAndIsCheckedIn() throws IOException {
        LocalDate day = LocalDate.of(2026, 12, 10);
        clock.set(day, LocalTime.of(8, 45));
        long sector = Fixtures.sector(admin);
        long memberId = Fixtures.member(admin, sector, "扫码委员");
        long otherId = Fixtures.member(admin, sector, "迟到委员");
        String member = user(List.of("MEMBER"), memberId, null);
        String other = user(List.of("MEMBER"), otherId, null);
        long id = Fixtures.created(admin.post("/api/v1/activities", ActivityFixture.body("INSPECTION",
                day.atTime(9, 0).atZone(TestClock.ZONE).toInstant(), day.atTime(11, 0).atZone(TestClock.ZONE).toInstant(),
                List.of(memberId, otherId))));

        // the office's screen shows the QR code, whose link carries the current code
        signIn("admin", TestSupport.ADMIN_PASSWORD);
        open("/activities/" + id + "/screen");
        var img = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#qr img")));
        waitFor().until(d -> ((Number) js("return document.querySelector('#qr img').naturalWidth")).intValue() > 0);
        String link = img.getAttribute("data-check-in");
        assertTrue(link.startsWith("/activities/" + id + "/check-in?code="), link);
        assertNoOverflow();
        screenshot("activity-screen-375.png");

        // the member's phone, signed in, opens the link
        signIn(member);
        open("/activities/mine");
        assertTrue(driver.findElement(By.cssSelector(".my-activities")).getText().contains("可以签到"));
        assertNoOverflow();
        open(link);
        String done = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("checked-in"))).getText();
        assertTrue(done.contains("签到成功"), done);
        assertNoOverflow();
        screenshot("activity-checked-in-375.png");
        assertEquals("PRESENT", status(id, memberId));

        // a forged code is refused
        signIn(other);
        String code = link.substring(link.indexOf("code=") + 5);
        String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        open("/activities/" + id + "/check-in?code=" + forged);
        String refused = driver.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(refused.contains("签到码无效或已过期"), refused);
        // the genuine code, two minutes later, has expired
        clock.set(clock.instant().plusSeconds(120));
        open(link);
        refused = driver.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(refused.contains("签到码无效或已过期"), refused);
        assertNoOverflow();
        assertEquals("INVITED", status(id, otherId));

        // the activity's page shows live attendance; the calendar fits the phone
        signIn("admin", TestSupport.ADMIN_PASSWORD);
        open("/activities/" + id);
        assertTrue(driver.findElement(By.id("attendance")).getText().contains("出席 1"));
        assertNoOverflow();
        screenshot("activity-page-375.png");
        open("/activities?month=2026-12");
        assertTrue(driver.findElement(By.cssSelector(".activity-list")).getText().contains("活动"));
        assertNoOverflow();
    }

    private String status(long activityId, long memberId) {
        for (var item : admin.get("/api/v1/activities/" + activityId + "/attendance").json().path("items")) {
            if (item.path("memberId").asLong() == memberId) {
                return item.path("status").asString();
            }
        }
        return null;
    }
}
