package org.xieshang.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/**
 * Two committees in one database: neither sees, reads, changes or refers to the other's rows
 * (DESIGN §1: "no request ever sees another committee's data").
 */
class TenantIsolationTest extends ApiTestBase {

    private static final String PASSWORD = "committee-b-pass";

    @Autowired
    CommitteeProvisioning provisioning;

    /** Committee A is the first committee (signed in as {@code admin}), B a new one. */
    private Api b;
    private long sectorA;
    private long unitA;
    private long memberA;
    private long termA;
    private long specialCommitteeA;
    private long userA;
    private long sectorB;
    private long memberB;

    @BeforeEach
    void twoCommittees() {
        String adminB = TestSupport.unique("admin-b");
        provisioning.provision(TestSupport.unique("乙区政协"), adminB, PASSWORD);
        b = api.login(adminB, PASSWORD);

        sectorA = Fixtures.sector(admin);
        unitA = Fixtures.unit(admin);
        memberA = Fixtures.member(admin, sectorA, TestSupport.unique("甲委员"));
        termA = Fixtures.created(admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("甲届"),
                "startDate", "2026-01-01", "endDate", "2030-12-31")));
        specialCommitteeA = Fixtures.created(admin.post("/api/v1/special-committees",
                Map.of("name", TestSupport.unique("甲专委"))));
        userA = Fixtures.user(admin, "PROPOSAL_STAFF").id();

        sectorB = Fixtures.sector(b);
        Fixtures.unit(b);
        memberB = Fixtures.member(b, sectorB, TestSupport.unique("乙委员"));
    }

    /** A new committee's first reads come before any proposal setting was saved; reading must not write. */
    @Test
    void aNewCommitteeReadsItsProposalPagesBeforeAnySettingIsSaved() {
        String adminC = TestSupport.unique("admin-c");
        provisioning.provision(TestSupport.unique("丙区政协"), adminC, PASSWORD);
        org.xieshang.support.PageClient pages = new org.xieshang.support.PageClient(port).signIn(adminC, PASSWORD);
        for (String page : java.util.List.of("/proposals/all", "/proposals/review", "/stats", "/key-proposals", "/")) {
            org.assertj.core.api.Assertions.assertThat(pages.get(page).status()).as(page).isEqualTo(200);
        }
        Api c = api.login(adminC, PASSWORD);
        org.assertj.core.api.Assertions.assertThat(c.get("/api/v1/proposals/stats").status()).isEqualTo(200);
    }

    @Test
    void listsShowOnlyTheOwnCommitteesRows() {
        assertThat(ids(b.get("/api/v1/members", Map.of("size", 200)))).containsExactly(memberB);
        assertThat(ids(b.get("/api/v1/sectors"))).containsExactly(sectorB);
        assertThat(ids(b.get("/api/v1/units"))).hasSize(1).doesNotContain(unitA);
        assertThat(ids(b.get("/api/v1/terms"))).isEmpty();
        assertThat(ids(b.get("/api/v1/sessions"))).isEmpty();
        assertThat(ids(b.get("/api/v1/special-committees"))).isEmpty();
        assertThat(b.get("/api/v1/users", Map.of("size", 200)).json().path("items").values())
                .extracting(u -> u.path("id").asLong()).hasSize(1).doesNotContain(userA);
        assertThat(b.get("/api/v1/members", Map.of("q", "甲委员", "size", 200)).json().path("total").asLong()).isZero();
        // and the other way round
        assertThat(ids(admin.get("/api/v1/sectors"))).contains(sectorA).doesNotContain(sectorB);
        assertThat(admin.get("/api/v1/members", Map.of("q", "乙委员", "size", 200)).json().path("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/members/" + memberB).status()).isEqualTo(404);
        // the new committee got its own calendar
        assertThat(b.get("/api/v1/calendar/days", Map.of("year", 2026)).json().path("items").values()).isNotEmpty();
    }

    @Test
    void theOtherCommitteesRecordsAreUnknown() {
        assertThat(b.get("/api/v1/members/" + memberA).status()).isEqualTo(404);
        Res patch = b.patch("/api/v1/members/" + memberA, Map.of("title", "篡改"));
        assertThat(patch.status()).as("%s", patch).isEqualTo(404);
        assertThat(admin.get("/api/v1/members/" + memberA).json().path("title").isNull()).isTrue();

        Res session = b.post("/api/v1/terms/" + termA + "/sessions",
                Map.of("name", "第一次会议", "year", 2026, "startDate", "2026-03-01"));
        assertThat(session.status()).as("%s", session).isEqualTo(404);
        assertThat(admin.get("/api/v1/terms/" + termA).json().path("sessions").values()).isEmpty();
        assertThat(b.get("/api/v1/terms/" + termA).status()).isEqualTo(404);

        assertThat(b.get("/api/v1/users/" + userA).status()).isEqualTo(404);
        assertThat(b.patch("/api/v1/users/" + userA, Map.of("displayName", "篡改")).status()).isEqualTo(404);
        assertThat(b.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", memberA))
                .json().path("items").values()).isEmpty();
        assertThat(admin.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", memberA))
                .json().path("items").values()).isNotEmpty();
    }

    @Test
    void theOtherCommitteesReferenceDataCannotBeUsed() {
        Res member = b.post("/api/v1/members", Map.of("name", TestSupport.unique("乙"), "gender", "MALE", "sectorId", sectorA));
        assertThat(member.status()).as("%s", member).isEqualTo(400);
        assertThat(member.json().path("errors").values()).extracting(e -> e.path("field").asString()).containsExactly("sectorId");

        Res sc = b.post("/api/v1/members", Map.of("name", TestSupport.unique("乙"), "gender", "MALE", "sectorId", sectorB,
                "specialCommitteeId", specialCommitteeA));
        assertThat(sc.json().path("errors").values()).extracting(e -> e.path("field").asString())
                .containsExactly("specialCommitteeId");

        Res moved = b.patch("/api/v1/members/" + memberB, Map.of("sectorId", sectorA));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(b.get("/api/v1/members/" + memberB).json().path("sectorId").asLong()).isEqualTo(sectorB);

        // user accounts cannot be tied to the other committee's member or unit
        Res memberUser = b.post("/api/v1/users", Map.of("username", TestSupport.unique("b-m"), "password", PASSWORD,
                "displayName", "x", "roles", List.of("MEMBER"), "memberId", memberA));
        assertThat(memberUser.status()).isEqualTo(400);
        assertThat(memberUser.json().path("errors").values()).extracting(e -> e.path("field").asString()).contains("memberId");
        Res unitUser = b.post("/api/v1/users", Map.of("username", TestSupport.unique("b-u"), "password", PASSWORD,
                "displayName", "x", "roles", List.of("UNIT_HANDLER"), "unitId", unitA));
        assertThat(unitUser.status()).isEqualTo(400);
        assertThat(unitUser.json().path("errors").values()).extracting(e -> e.path("field").asString()).contains("unitId");
    }

    @Test
    void namesNeedOnlyBeUniqueWithinACommittee() {
        String name = TestSupport.unique("同名界别");
        assertThat(admin.post("/api/v1/sectors", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(b.post("/api/v1/sectors", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(b.post("/api/v1/sectors", Map.of("name", name)).status()).isEqualTo(409);
    }

    @Test
    void eachCommitteeHasItsOwnIntactAuditChain() {
        Res a = admin.get("/api/v1/audit/verify");
        Res own = b.get("/api/v1/audit/verify");
        assertThat(a.json().path("intact").asBoolean()).as("%s", a).isTrue();
        assertThat(own.json().path("intact").asBoolean()).as("%s", own).isTrue();
        assertThat(own.json().path("checked").asLong()).isPositive().isLessThan(a.json().path("checked").asLong());
    }

    private static List<Long> ids(Res res) {
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        return res.json().path("items").values().stream().map(n -> n.path("id").asLong()).collect(Collectors.toList());
    }
}
