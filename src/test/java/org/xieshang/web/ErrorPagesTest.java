package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/** Unknown addresses, the favicon, and the message of an empty required field (issue 17, point 9). */
class ErrorPagesTest extends ApiTestBase {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserGetsAnHtmlPageForAnUnknownAddressAndTheApiStaysProblemJson() {
        PageClient browser = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        PageClient.Page page = browser.get("/no-such-page", BROWSER);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<!DOCTYPE html>").contains("没有这个页面").contains("href=\"/\"");

        // the API ignores the page session (401 without a token), and answers JSON even to a browser
        PageClient.Page api = browser.get("/api/v1/no-such-thing", BROWSER);
        assertThat(api.status()).isIn(401, 404);
        assertThat(api.body()).startsWith("{").doesNotContain("<html");

        Api.Res json = admin.get("/api/v1/no-such-thing");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(browser.get("/no-such-page", "application/json").body()).doesNotContain("<html");
    }

    @Test
    void theFaviconIsServedToAnyone() {
        Api.Res icon = api.get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.contentType()).contains("icon");
        assertThat(api.get("/static/favicon.svg").status()).isEqualTo(200);
    }

    @Test
    void anEmptyRequiredFieldSaysRequired() {
        Api.Res res = admin.post("/api/v1/sectors", Map.of("name", ""));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().path("errors").get(0).path("message").asString()).isEqualTo("必填，最多 100 个字符。");
        assertThat(admin.lang("en").post("/api/v1/sectors", Map.of("name", "")).json().path("errors").get(0)
                .path("message").asString()).isEqualTo("Required, at most 100 characters.");
    }
}
