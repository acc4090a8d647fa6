package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.BrowserTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/**
 * Issue 17 point 12, the page: the office filters the members without a login, selects them (all on
 * the page, then one less), opens their accounts in one step and gets the letters (.docx, a page
 * each); the new member must change the password at the first sign-in. At 1366 and 375 px.
 * Same properties as PasswordChangeTest (the change after an admin-set password is on), so the
 * two share one application.
 */
@TestPropertySource(properties = {"xieshang.password.change-after-admin-set=true", "xieshang.trusted-proxies=127.0.0.1,::1"})
class MemberAccountsBrowserTest extends BrowserTestBase {

    private static final Pattern USERNAME = Pattern.compile("用户名：(\\S+)");
    private static final Pattern PASSWORD_LINE = Pattern.compile("初始密码：(\\S+)");

    private void width(int px) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", px, "height", px > 600 ? 900 : 800, "deviceScaleFactor", 1, "mobile", px <= 600));
    }

    @Test
    void theOfficeSelectsMembersWithoutALoginAndOpensTheirAccountsWithLetters() throws IOException {
        String prefix = TestSupport.unique("开号");
        long sector = Fixtures.sector(admin);
        Fixtures.member(admin, sector, prefix + "甲");
        Fixtures.member(admin, sector, prefix + "乙");
        long c = Fixtures.member(admin, sector, prefix + "丙");
        String page = "/users/member-accounts?q=" + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8);

        signIn("admin", TestSupport.ADMIN_PASSWORD);
        width(1366);
        open("/users");
        driver.findElement(By.id("member-accounts")).click();
        waitFor().until(d -> currentPath().startsWith("/users/member-accounts"));
        open(page);
        assertThat(driver.findElements(By.cssSelector("#accounts-table tbody tr"))).hasSize(3);
        driver.findElement(By.id("accounts-all")).click();
        assertThat(driver.findElements(By.cssSelector("input[name=memberIds]:checked"))).hasSize(3);
        assertThat(driver.findElement(By.id("accounts-selected")).getText()).contains("3");
        driver.findElement(By.cssSelector("label[for='member-" + c + "']")).click();
        assertThat(driver.findElement(By.id("accounts-selected")).getText()).contains("2");
        screenshot("member-accounts-1366.png");

        // the form as the browser sends it; the answer is the letters, one page per member
        String base64 = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var form = document.getElementById('accounts-form');"
                        + "fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})"
                        + ".then(r => r.status === 200 && r.headers.get('Content-Type').includes('wordprocessingml') ? r.arrayBuffer() : null)"
                        + ".then(buf => { if (!buf) { done(null); return; } var s = ''; var bytes = new Uint8Array(buf);"
                        + " for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); } done(btoa(s)); })"
                        + ".catch(() => done(null));");
        assertThat(base64).as("the letters (.docx)").isNotNull();
        String letters;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            letters = text.getText();
        }
        assertThat(letters).contains(prefix + "甲", prefix + "乙").doesNotContain(prefix + "丙");
        Matcher user = USERNAME.matcher(letters);
        Matcher password = PASSWORD_LINE.matcher(letters);
        assertThat(user.find()).isTrue();
        assertThat(password.find()).isTrue();
        String username = user.group(1);
        String initial = password.group(1);

        // at a phone's width: only the third is left; selected and opened with the button (the letters download)
        width(375);
        open(page);
        assertThat(driver.findElements(By.cssSelector("#accounts-table tbody tr"))).hasSize(1);
        assertNoOverflow();
        driver.findElement(By.cssSelector("label[for='member-" + c + "']")).click();
        driver.findElement(By.id("accounts-create")).click();
        waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        waitFor().until(d -> {
            open(page);
            return !d.findElements(By.id("accounts-none")).isEmpty();
        });
        screenshot("member-accounts-375.png");

        // the member's first sign-in asks for a new password before anything else
        signIn(username, initial);
        assertThat(currentPath()).startsWith("/account/password");
        width(1366);
    }
}
