package org.xieshang.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xieshang.support.Api.Res;

/** Reference data, members and users made through the API, for tests that need some. */
public final class Fixtures {

    public static final String USER_PASSWORD = "user-pass-2026";
    /** Every role of a user account (API.md). */
    public static final List<String> ROLES = List.of("ADMIN", "PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER", "UNIT_HANDLER",
            "UNIT_HEAD", "LEADER_GOV");

    private Fixtures() {
    }

    public static long sector(Api admin) {
        return created(admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("界别"))));
    }

    public static long unit(Api admin) {
        return created(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("单位"), "type", "DEPARTMENT")));
    }

    public static long member(Api admin, long sectorId) {
        return member(admin, sectorId, TestSupport.unique("委员"));
    }

    public static long member(Api admin, long sectorId, String name) {
        return created(admin.post("/api/v1/members", Map.of("name", name, "gender", "FEMALE", "sectorId", sectorId)));
    }

    /** The body of a new user with this role, with the member or unit the role needs. */
    public static Map<String, Object> userBody(Api admin, String username, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", USER_PASSWORD);
        body.put("displayName", "测试" + role);
        body.put("roles", List.of(role));
        if (role.equals("MEMBER")) {
            body.put("memberId", member(admin, sector(admin)));
        }
        if (role.equals("UNIT_HANDLER") || role.equals("UNIT_HEAD")) {
            body.put("unitId", unit(admin));
        }
        return body;
    }

    /** Creates a user with one role and returns the created account (JSON answer). */
    public static Res user(Api admin, String role) {
        Res res = admin.post("/api/v1/users", userBody(admin, TestSupport.unique("u-" + role.toLowerCase()), role));
        assertThat(res.status()).as("create %s user: %s", role, res).isEqualTo(201);
        return res;
    }

    /** Creates a user with one role and signs in as them. */
    public static Api signedIn(Api admin, String role) {
        return admin.login(user(admin, role).get("username"), USER_PASSWORD);
    }

    public static long created(Res res) {
        assertThat(res.status()).as("create: %s", res).isEqualTo(201);
        assertThat(res.id()).isPositive();
        return res.id();
    }
}
