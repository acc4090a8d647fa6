package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * Issue 14, finding 7: POST /api/v1/me/password (any signed-in user; 204, problem+json 400 on a
 * weak or wrong password), the page /account/password, the policy (10–128 characters, not a
 * common password, not containing the user name) and the change required after an admin set it.
 */
@TestPropertySource(properties = {"xieshang.password.change-after-admin-set=true", "xieshang.trusted-proxies=127.0.0.1,::1"})
class PasswordChangeTest extends ApiTestBase {

    private static final String ADMIN_SET = "set-by-admin-2026";
    private static final String OWN = "my-own-choice-2026";

    @Test
    void anAdminSetPasswordMustBeChangedBeforeAnythingElse() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, ADMIN_SET);
        Api token = api.login(user.username(), ADMIN_SET);
        Res refused = token.get("/api/v1/proposals");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("detail")).contains("修改密码");
        assertThat(token.get("/api/v1/me").status()).isEqualTo(200);

        PageClient browser = new PageClient(port).signIn(user.username(), ADMIN_SET);
        PageClient.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/account/password");
        assertThat(browser.get("/account/password").status()).isEqualTo(200);

        assertThat(token.post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", OWN)).status())
                .isEqualTo(204);
        assertThat(token.get("/api/v1/proposals").status()).isEqualTo(200);
        // the other sign-in (the browser) has ended; the new password works
        assertThat(browser.get("/").status()).isEqualTo(302);
        assertThat(new PageClient(port).signIn(user.username(), OWN).get("/").status()).isEqualTo(200);
    }

    @Test
    void weakOrWrongPasswordsAreRefusedWithProblemJson() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, ADMIN_SET);
        Api token = api.login(user.username(), ADMIN_SET);
        assertBad(token.post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", "short-1")),
                "newPassword");
        assertBad(token.post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", "1234567890")),
                "newPassword");
        assertBad(token.post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", "qwertyuiop")),
                "newPassword");
        assertBad(token.post("/api/v1/me/password",
                Map.of("currentPassword", ADMIN_SET, "newPassword", "x" + user.username().toUpperCase() + "-2026")), "newPassword");
        assertBad(token.post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", "a".repeat(129))),
                "newPassword");
        assertBad(token.post("/api/v1/me/password", Map.of("currentPassword", "not-the-password", "newPassword", OWN)),
                "currentPassword");
        Res english = token.lang("en").post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", "1234567890"));
        assertThat(english.body()).contains("common password");
        assertThat(api.anonymous().post("/api/v1/me/password", Map.of("currentPassword", ADMIN_SET, "newPassword", OWN))
                .status()).isEqualTo(401);
        // nothing changed
        assertThat(api.login(user.username(), ADMIN_SET).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminSettingAWeakPasswordIsRefusedToo() {
        Res res = admin.post("/api/v1/users", Map.of("username", TestSupport.unique("weak").replace("-", "."),
                "password", "12345678", "displayName", "弱", "roles", List.of("LEADER_CPPCC")));
        assertBad(res, "password");
    }

    @Test
    void changingOnThePageKeepsThisSessionAndEndsTheOthersAndTheTokens() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, ADMIN_SET);
        Api token = api.login(user.username(), ADMIN_SET);
        PageClient other = new PageClient(port).signIn(user.username(), ADMIN_SET);
        PageClient browser = new PageClient(port).signIn(user.username(), ADMIN_SET);
        browser.get("/account/password");

        PageClient.Page mismatch = browser.post("/account/password",
                Map.of("currentPassword", ADMIN_SET, "newPassword", OWN, "confirmPassword", OWN + "x"));
        assertThat(mismatch.status()).isEqualTo(400);
        PageClient.Page weak = browser.post("/account/password",
                Map.of("currentPassword", ADMIN_SET, "newPassword", "password12", "confirmPassword", "password12"));
        assertThat(weak.status()).isEqualTo(400);

        PageClient.Page done = browser.post("/account/password",
                Map.of("currentPassword", ADMIN_SET, "newPassword", OWN, "confirmPassword", OWN));
        assertThat(done.status()).isEqualTo(302);
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(other.get("/").status()).isEqualTo(302);
        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theSystemsOwnAccountsAreNotForced() {
        // the first admin was made by the system from the operator's setting
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD).get("/").status()).isEqualTo(200);
    }

    private static void assertBad(Res res, String field) {
        assertThat(res.status()).as(res.toString()).isEqualTo(400);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.body()).contains(field);
    }
}
