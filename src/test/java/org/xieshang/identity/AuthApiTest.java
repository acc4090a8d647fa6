package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** POST/DELETE /api/v1/auth/token, throttling, and GET /api/v1/me (API.md "Conventions"). */
class AuthApiTest extends ApiTestBase {

    private static final String TOKEN = "/api/v1/auth/token";

    @Test
    void issuesATokenForGoodCredentials() {
        Instant before = Instant.now();
        Res res = api.post(TOKEN, Map.of("username", "admin", "password", TestSupport.ADMIN_PASSWORD));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.contentType()).startsWith("application/json");
        assertThat(res.get("token")).isNotBlank();
        Instant expiresAt = Instant.parse(res.get("expiresAt"));
        // the configured lifetime is 8 hours
        assertThat(expiresAt).isBetween(before.plus(Duration.ofHours(8)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(8)).plusSeconds(60));
        assertThat(api.as(res.get("token")).get("/api/v1/me").get("username")).isEqualTo("admin");
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        String username = Fixtures.user(admin, "PROPOSAL_STAFF").get("username");
        Res wrong = api.post(TOKEN, Map.of("username", username, "password", "not-the-password"));
        Res unknown = api.post(TOKEN, Map.of("username", TestSupport.unique("nobody"), "password", "whatever-123"));
        for (Res res : List.of(wrong, unknown)) {
            assertProblem(res, 401);
            assertThat(res.get("detail")).isNotBlank();
            assertThat(res.json().path("token").isMissingNode()).isTrue();
        }
        // nothing tells whether the account exists
        assertThat(unknown.get("detail")).isEqualTo(wrong.get("detail"));
    }

    @Test
    void missingFieldsAreFieldErrors() {
        Res none = api.post(TOKEN, Map.of());
        assertProblem(none, 400);
        assertThat(fields(none)).containsExactlyInAnyOrder("username", "password");

        Res noPassword = api.post(TOKEN, Map.of("username", "admin"));
        assertProblem(noPassword, 400);
        assertThat(fields(noPassword)).containsExactly("password");

        Res blankUser = api.post(TOKEN, Map.of("username", "  ", "password", "x"));
        assertThat(fields(blankUser)).containsExactly("username");

        // no body at all is malformed input, not a server error
        assertProblem(api.postRaw(TOKEN, "application/json", new byte[0]), 400);
    }

    @Test
    void slowsThisAccountFromThisAddressAfterFiveFreeFailuresEvenWithTheRightPassword() {
        String username = Fixtures.user(admin, "LEADER_GOV").get("username");
        // five free failures, then a first wait of one minute (issue 14: delays grow 1, 2, 4, 8, 15 minutes)
        for (int i = 1; i <= 6; i++) {
            assertThat(api.post(TOKEN, Map.of("username", username, "password", "wrong-" + i)).status())
                    .as("failure %d", i).isEqualTo(401);
        }
        Res blocked = api.post(TOKEN, Map.of("username", username, "password", Fixtures.USER_PASSWORD));
        assertProblem(blocked, 429);
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L + 1);
        // the account key is case-insensitive: a different spelling is blocked too
        assertThat(api.post(TOKEN, Map.of("username", username.toUpperCase(), "password", "x")).status()).isEqualTo(429);
        // only that account: others sign in from the same address
        assertThat(api.post(TOKEN, Map.of("username", "admin", "password", TestSupport.ADMIN_PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String username = Fixtures.user(admin, "LEADER_CPPCC").get("username");
        for (int i = 0; i < 4; i++) {
            assertThat(api.post(TOKEN, Map.of("username", username, "password", "wrong")).status()).isEqualTo(401);
        }
        api.login(username, Fixtures.USER_PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(api.post(TOKEN, Map.of("username", username, "password", "wrong")).status()).isEqualTo(401);
        }
        assertThat(api.post(TOKEN, Map.of("username", username, "password", Fixtures.USER_PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        String username = Fixtures.user(admin, "PROPOSAL_STAFF").get("username");
        Api first = api.login(username, Fixtures.USER_PASSWORD);
        Api second = api.login(username, Fixtures.USER_PASSWORD);
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(first.delete(TOKEN).status()).isEqualTo(204);

        assertProblem(first.get("/api/v1/me"), 401);
        assertProblem(first.delete(TOKEN), 401);
        // only that token: the user's other session goes on
        assertThat(second.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void callsWithoutAValidTokenAre401() {
        Res none = api.get("/api/v1/me");
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(api.as("xs_not-a-token").get("/api/v1/me"), 401);
        assertProblem(api.as("x".repeat(500)).get("/api/v1/members"), 401);
        assertProblem(api.as("").get("/api/v1/sectors"), 401);
    }

    @Test
    void meDescribesTheSignedInUserOfEveryRole() {
        for (String role : Fixtures.ROLES) {
            Res created = Fixtures.user(admin, role);
            Res me = api.login(created.get("username"), Fixtures.USER_PASSWORD).get("/api/v1/me");
            assertThat(me.status()).as(role).isEqualTo(200);
            assertThat(me.json().path("id").asLong()).isEqualTo(created.id());
            assertThat(me.get("username")).isEqualTo(created.get("username"));
            assertThat(me.get("displayName")).isEqualTo("测试" + role);
            assertThat(me.json().path("roles").values()).extracting(n -> n.asString()).containsExactly(role);
            if (role.equals("MEMBER")) {
                assertThat(me.json().path("memberId").asLong()).isPositive()
                        .isEqualTo(created.json().path("memberId").asLong());
            } else {
                assertThat(me.json().path("memberId").isNull()).as(role + " memberId").isTrue();
            }
            if (role.startsWith("UNIT_")) {
                assertThat(me.json().path("unitId").asLong()).isPositive()
                        .isEqualTo(created.json().path("unitId").asLong());
            } else {
                assertThat(me.json().path("unitId").isNull()).as(role + " unitId").isTrue();
            }
        }
    }

    static void assertProblem(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().path("status").asInt()).isEqualTo(status);
        assertThat(res.get("type")).isNotBlank();
        assertThat(res.get("title")).isNotBlank();
        assertThat(res.get("detail")).isNotBlank();
    }

    static List<String> fields(Res res) {
        return res.json().path("errors").values().stream().map(e -> e.path("field").asString()).toList();
    }
}
