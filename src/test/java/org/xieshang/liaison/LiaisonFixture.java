package org.xieshang.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** Creates what liaison tests need through the API: sectors, members, accounts, plans. */
final class LiaisonFixture {

    static final String PASSWORD = "liaison-test-pass";

    private final Api admin;

    LiaisonFixture(Api admin) {
        this.admin = admin;
    }

    long sector() {
        Res res = admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("界别")));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    long unit() {
        Res res = admin.post("/api/v1/units", Map.of("name", TestSupport.unique("单位"), "type", "DEPARTMENT"));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    long member(String role, long sectorId) {
        Res res = admin.post("/api/v1/members", Map.of("name", TestSupport.unique("委员"), "gender", "MALE",
                "sectorId", sectorId, "roles", List.of(role)));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    List<Long> members(int n, long... sectors) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(member("MEMBER", sectors[i % sectors.length]));
        }
        return ids;
    }

    String name(long memberId) {
        return admin.get("/api/v1/members/" + memberId).get("name");
    }

    void setStatus(long memberId, String status) {
        Res res = admin.patch("/api/v1/members/" + memberId, Map.of("status", status));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
    }

    /** A signed-in account with these roles, linked to a member and/or a unit. */
    Api account(Set<String> roles, Long memberId, Long unitId) {
        return admin.anonymous().login(username(roles, memberId, unitId), PASSWORD);
    }

    /** A new account's username (password {@link #PASSWORD}). */
    String username(Set<String> roles, Long memberId, Long unitId) {
        return TestSupport.account(admin, roles, memberId, unitId, PASSWORD).username();
    }

    /** One account per role that may not manage plans (office work): every refused role. */
    Map<String, Api> nonAdminAccounts() {
        long sector = sector();
        long unit = unit();
        Map<String, Api> accounts = new LinkedHashMap<>();
        accounts.put("PROPOSAL_STAFF", account(Set.of("PROPOSAL_STAFF"), null, null));
        accounts.put("LEADER_CPPCC", account(Set.of("LEADER_CPPCC", "MEMBER"), member("VICE_CHAIR", sector), null));
        accounts.put("MEMBER", account(Set.of("MEMBER"), member("MEMBER", sector), null));
        accounts.put("UNIT_HANDLER", account(Set.of("UNIT_HANDLER"), null, unit));
        accounts.put("UNIT_HEAD", account(Set.of("UNIT_HEAD"), null, unit));
        accounts.put("LEADER_GOV", account(Set.of("LEADER_GOV"), null, null));
        return accounts;
    }

    JsonNode generate(int year) {
        Res res = admin.post("/api/v1/liaison/plans", Map.of("year", year));
        assertThat(res.status()).as(res.toString()).isIn(200, 201);
        return res.json();
    }

    JsonNode confirmed(int year) {
        generate(year);
        Res res = admin.post("/api/v1/liaison/plans/" + year + "/confirm", Map.of());
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json();
    }

    /** liaison → members of a plan's JSON. */
    static Map<Long, List<Long>> groups(JsonNode plan) {
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        for (JsonNode g : plan.path("groups")) {
            List<Long> ids = new ArrayList<>();
            g.path("memberIds").forEach(id -> ids.add(id.asLong()));
            groups.put(g.path("liaisonMemberId").asLong(), ids);
        }
        return groups;
    }

    /** Every member's status and roles, through the paged members API. */
    List<JsonNode> allMembers() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Res res = admin.get("/api/v1/members?size=200&page=" + page);
            assertThat(res.status()).isEqualTo(200);
            res.json().path("items").forEach(all::add);
            if (all.size() >= res.json().path("total").asLong()) {
                return all;
            }
        }
    }

    static List<String> fields(Res res) {
        List<String> fields = new ArrayList<>();
        res.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
