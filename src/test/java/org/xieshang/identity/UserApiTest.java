package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.identity.AuthApiTest.assertProblem;
import static org.xieshang.identity.AuthApiTest.fields;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** POST/GET/PATCH /api/v1/users (ADMIN only). */
class UserApiTest extends ApiTestBase {

    private static final String USERS = "/api/v1/users";

    @Autowired
    CommitteeProvisioning provisioning;

    @Test
    void createsReadsListsAndChangesAUser() {
        String username = TestSupport.unique("staff");
        Res created = admin.post(USERS, Map.of("username", username, "password", "secret-pass-1",
                "displayName", "提案委 小王", "roles", List.of("PROPOSAL_STAFF")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        assertThat(created.get("username")).isEqualTo(username);
        assertThat(created.get("displayName")).isEqualTo("提案委 小王");
        assertThat(created.json().path("roles").values()).extracting(n -> n.asString()).containsExactly("PROPOSAL_STAFF");
        assertThat(created.body()).doesNotContain("secret-pass-1").doesNotContainIgnoringCase("passwordHash");

        Res got = admin.get(USERS + "/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.get("username")).isEqualTo(username);

        Res list = admin.get(USERS, Map.of("page", 0, "size", 200));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("page").asInt()).isZero();
        assertThat(list.json().path("size").asInt()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list.json().path("items").values()).extracting(n -> n.path("username").asString())
                .contains("admin", username);
        assertThat(admin.get(USERS, Map.of("size", 201)).status()).isEqualTo(400);

        // a partial change keeps what it does not name
        Res patched = admin.patch(USERS + "/" + id, Map.of("displayName", "提案委 王科长"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.get("displayName")).isEqualTo("提案委 王科长");
        assertThat(patched.json().path("roles").values()).extracting(n -> n.asString()).containsExactly("PROPOSAL_STAFF");

        Res roles = admin.patch(USERS + "/" + id, Map.of("roles", List.of("PROPOSAL_STAFF", "LEADER_CPPCC")));
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json().path("roles").values()).extracting(n -> n.asString())
                .containsExactlyInAnyOrder("PROPOSAL_STAFF", "LEADER_CPPCC");
        assertThat(roles.get("displayName")).isEqualTo("提案委 王科长");

        // a new password works, the old one no longer does
        assertThat(admin.patch(USERS + "/" + id, Map.of("password", "another-pass-2")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pass-1")).status())
                .isEqualTo(401);
        assertThat(api.login(username, "another-pass-2").get("/api/v1/me").get("displayName")).isEqualTo("提案委 王科长");

        // a disabled account cannot sign in
        assertThat(admin.patch(USERS + "/" + id, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/token", Map.of("username", username, "password", "another-pass-2")).status())
                .isEqualTo(401);
    }

    @Test
    void aDisabledAccountsTokensStopWorking() {
        Res user = Fixtures.user(admin, "LEADER_GOV");
        Api signedIn = api.login(user.get("username"), Fixtures.USER_PASSWORD);
        assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.patch(USERS + "/" + user.id(), Map.of("enabled", false)).status()).isEqualTo(200);
        assertProblem(signedIn.get("/api/v1/me"), 401);
    }

    @Test
    void createsUsersOfEveryRole() {
        for (String role : Fixtures.ROLES) {
            Res res = admin.post(USERS, Fixtures.userBody(admin, TestSupport.unique("r"), role));
            assertThat(res.status()).as("%s: %s", role, res).isEqualTo(201);
            assertThat(res.json().path("roles").values()).extracting(n -> n.asString()).containsExactly(role);
        }
    }

    @Test
    void everyOtherRoleIsRefused() {
        long someone = Fixtures.user(admin, "PROPOSAL_STAFF").id();
        for (String role : Fixtures.ROLES) {
            if (role.equals("ADMIN")) {
                continue;
            }
            Api user = Fixtures.signedIn(admin, role);
            Map<String, Object> body = Map.of("username", TestSupport.unique("x"), "password", "long-enough-1",
                    "displayName", "x", "roles", List.of("ADMIN"));
            assertProblem(user.post(USERS, body), 403);
            assertProblem(user.get(USERS), 403);
            assertProblem(user.get(USERS + "/" + someone), 403);
            assertProblem(user.patch(USERS + "/" + someone, Map.of("roles", List.of("ADMIN"))), 403);
            // not even an invalid body tells more than "not allowed"
            assertProblem(user.post(USERS, Map.of()), 403);
        }
        assertThat(admin.get(USERS, Map.of("size", 200)).json().path("items").values())
                .noneMatch(u -> u.path("username").asString().startsWith("x-"));
    }

    @Test
    void invalidInputNamesTheFields() {
        Map<String, Object> good = Fixtures.userBody(admin, TestSupport.unique("v"), "PROPOSAL_STAFF");

        assertField(with(good, "username", "bad name!"), "username");
        assertField(with(good, "username", "ab"), "username");
        assertField(with(good, "username", "x".repeat(65)), "username");
        assertField(with(good, "password", "short"), "password");
        assertField(with(good, "password", null), "password");
        assertField(with(good, "displayName", ""), "displayName");
        assertField(with(good, "roles", List.of()), "roles");

        // a MEMBER account must name its member, a unit account its unit
        assertField(with(good, "roles", List.of("MEMBER")), "memberId");
        assertField(with(with(good, "roles", List.of("MEMBER")), "memberId", 987654321L), "memberId");
        assertField(with(good, "roles", List.of("UNIT_HANDLER")), "unitId");
        assertField(with(with(good, "roles", List.of("UNIT_HEAD")), "unitId", 987654321L), "unitId");
        assertField(with(good, "unitId", 987654321L), "unitId");

        // an unknown role is a field error, not a server error
        Res role = admin.post(USERS, with(good, "roles", List.of("SUPERUSER")));
        assertProblem(role, 400);
        assertThat(fields(role)).singleElement().asString().startsWith("roles");

        // several problems at once are all reported
        Res many = admin.post(USERS, Map.of("username", "a", "password", "b", "displayName", "", "roles", List.of()));
        assertThat(fields(many)).contains("username", "password", "displayName", "roles");

        // nothing was created by any of these
        assertThat(admin.get(USERS, Map.of("size", 200)).json().path("items").values())
                .noneMatch(u -> u.path("username").asString().equals(good.get("username")));
    }

    @Test
    void changesAreValidatedToo() {
        long id = Fixtures.user(admin, "PROPOSAL_STAFF").id();
        assertField(admin.patch(USERS + "/" + id, Map.of("password", "short")), "password");
        assertField(admin.patch(USERS + "/" + id, Map.of("roles", List.of("MEMBER"))), "memberId");
        assertField(admin.patch(USERS + "/" + id, Map.of("unitId", 987654321L)), "unitId");
        assertField(admin.patch(USERS + "/" + id, Map.of("displayName", " ")), "displayName");
        assertProblem(admin.get(USERS + "/987654321"), 404);
        assertProblem(admin.patch(USERS + "/987654321", Map.of("displayName", "x")), 404);
    }

    @Test
    void anEmailAddressIsOptionalAndValidated() {
        Map<String, Object> body = Fixtures.userBody(admin, TestSupport.unique("mail"), "UNIT_HANDLER");
        body.put("email", "handler@example.org");
        Res created = admin.post(USERS, body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.get("email")).isEqualTo("handler@example.org");
        long id = created.id();
        assertThat(admin.get(USERS + "/" + id).get("email")).isEqualTo("handler@example.org");

        // a change of something else keeps it; a new one replaces it; an empty one removes it
        assertThat(admin.patch(USERS + "/" + id, Map.of("displayName", "联络员 小李")).get("email")).isEqualTo("handler@example.org");
        assertThat(admin.patch(USERS + "/" + id, Map.of("email", " new@example.org ")).get("email")).isEqualTo("new@example.org");
        Res removed = admin.patch(USERS + "/" + id, Map.of("email", ""));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("email").isNull()).as("%s", removed).isTrue();

        // an invalid one is a field error with the committee's (Chinese) message, on create and on change
        for (String bad : List.of("not-an-address", "a@b", "two@@example.org", "x@example.org" + "o".repeat(200))) {
            Res refused = admin.post(USERS, with(Fixtures.userBody(admin, TestSupport.unique("mail"), "LEADER_GOV"), "email", bad));
            assertProblem(refused, 400);
            assertThat(refused.json().path("errors").values()).as("%s", refused).singleElement().satisfies(e -> {
                assertThat(e.path("field").asString()).isEqualTo("email");
                assertThat(e.path("message").asString()).isEqualTo("邮箱格式不正确。");
            });
        }
        Res patched = admin.patch(USERS + "/" + id, Map.of("email", "still wrong@example.org"));
        assertProblem(patched, 400);
        assertThat(fields(patched)).containsExactly("email");
        assertThat(admin.get(USERS + "/" + id).json().path("email").isNull()).isTrue();
    }

    @Test
    void usernamesAreUniqueAlsoAcrossCommittees() {
        String username = Fixtures.user(admin, "PROPOSAL_STAFF").get("username");
        Res again = admin.post(USERS, Fixtures.userBody(admin, username, "LEADER_GOV"));
        assertProblem(again, 409);
        assertThat(again.get("detail")).contains(username);

        // the administrator of another committee holds a username: this committee cannot take it
        String otherAdmin = TestSupport.unique("admin-b");
        provisioning.provision(TestSupport.unique("乙区政协"), otherAdmin, "other-admin-pass");
        Res taken = admin.post(USERS, Fixtures.userBody(admin, otherAdmin, "LEADER_GOV"));
        assertProblem(taken, 409);
        assertThat(taken.get("detail")).contains(otherAdmin);

        // nor can the other committee take this committee's names
        Api b = api.login(otherAdmin, "other-admin-pass");
        Res back = b.post(USERS, Map.of("username", username, "password", "long-enough-1", "displayName", "x",
                "roles", List.of("PROPOSAL_STAFF")));
        assertProblem(back, 409);
        assertThat(back.get("detail")).contains(username);
        assertProblem(b.post(USERS, Map.of("username", "admin", "password", "long-enough-1", "displayName", "x",
                "roles", List.of("PROPOSAL_STAFF"))), 409);
    }

    private void assertField(Map<String, Object> body, String field) {
        assertField(admin.post(USERS, body), field);
    }

    private static void assertField(Res res, String field) {
        assertProblem(res, 400);
        assertThat(fields(res)).as("%s", res).contains(field);
        assertThat(res.json().path("errors").values()).allSatisfy(e -> assertThat(e.path("message").asString()).isNotBlank());
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
