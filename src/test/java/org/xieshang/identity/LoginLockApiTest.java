package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * Issue 14, finding 3 through HTTP: a few wrong passwords slow only that caller (429 with
 * Retry-After); a locked account answers 423 problem+json until an admin unlocks it with
 * POST /api/v1/users/{id}/unlock (ADMIN only) or the button on the user's page.
 */
class LoginLockApiTest extends ApiTestBase {

    private static final String PASSWORD = "lock-test-pass-1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void wrongPasswordsSlowTheCallerWithRetryAfter() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(token(user.username(), "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(token(user.username(), "wrong-6").status()).isEqualTo(401);
        Res slowed = token(user.username(), PASSWORD);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aLockedAccountAnswers423UntilAnAdminUnlocksIt() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, PASSWORD);
        lock(user.username());

        Res locked = token(user.username(), PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.get("detail")).contains("锁定");
        assertThat(api.anonymous().lang("en").post("/api/v1/auth/token",
                Map.of("username", user.username(), "password", PASSWORD)).get("detail")).contains("locked");

        // only an admin unlocks; others are refused, unknown ids are 404
        assertThat(Fixtures.signedIn(admin, "PROPOSAL_STAFF").post("/api/v1/users/" + user.id() + "/unlock", Map.of())
                .status()).isEqualTo(403);
        assertThat(api.anonymous().post("/api/v1/users/" + user.id() + "/unlock", Map.of()).status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/users/999999/unlock", Map.of()).status()).isEqualTo(404);

        Res unlocked = admin.post("/api/v1/users/" + user.id() + "/unlock", Map.of());
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.get("username")).isEqualTo(user.username());
        assertThat(token(user.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theSignInPageSaysLockedAndTheUserPageUnlocks() {
        TestSupport.Account user = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, PASSWORD);
        lock(user.username());
        PageClient browser = new PageClient(port);
        browser.get("/login");
        PageClient.Page refused = browser.post("/login", Map.of("username", user.username(), "password", PASSWORD));
        assertThat(refused.location()).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("已被锁定");

        PageClient adminPages = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        PageClient.Page edit = adminPages.get("/users/" + user.id() + "/edit");
        assertThat(edit.body()).contains("/users/" + user.id() + "/unlock");
        assertThat(adminPages.post("/users/" + user.id() + "/unlock", Map.of()).status()).isEqualTo(302);
        assertThat(adminPages.get("/users/" + user.id() + "/edit").body()).doesNotContain("/unlock");
        new PageClient(port).signIn(user.username(), PASSWORD);
    }

    /** As 50 failures in a day from many addresses would leave it. */
    private void lock(String username) {
        jdbc.update("insert into login_throttle (throttle_key, failures, window_start, locked_at)"
                + " values (?, 50, current_timestamp, current_timestamp)", "u:" + username.toLowerCase());
    }

    private Res token(String username, String password) {
        return api.anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
    }
}
