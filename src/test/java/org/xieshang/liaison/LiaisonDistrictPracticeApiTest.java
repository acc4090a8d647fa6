package org.xieshang.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.liaison.LiaisonFixture.fields;
import static org.xieshang.liaison.LiaisonFixture.groups;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 9, liaison as districts do it: who is a liaison is a setting; when the minimum
 * group size cannot be met by the numbers, the office is told so plainly before generating (one
 * message); a symposium may include members of other groups, recorded as extra contacts. Each
 * test works in a committee of its own, so settings and plan years touch no other test.
 */
class LiaisonDistrictPracticeApiTest extends ApiTestBase {

    @Autowired
    CommitteeProvisioning provisioning;

    /** The admin of a new, empty committee. */
    private Api freshCommittee() {
        String username = TestSupport.unique("lz-admin").replace("-", ".");
        provisioning.provision(TestSupport.unique("联络区政协"), username, "district-pass-2026");
        return api.login(username, "district-pass-2026");
    }

    @Test
    void whoIsALiaisonIsASettingAndTheNumbersAreToldBeforeGenerating() {
        Api office = freshCommittee();
        LiaisonFixture fx = new LiaisonFixture(office);
        long sector = fx.sector();
        long chair = fx.member("CHAIR", sector);
        long viceChair = fx.member("VICE_CHAIR", sector);
        long standing = fx.member("STANDING_COMMITTEE", sector);
        fx.members(6, sector);

        // the default: the chair's meeting and the standing committee
        JsonNode settings = office.get("/api/v1/liaison/settings").json();
        assertThat(settings.path("liaisonRoles").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("CHAIR", "VICE_CHAIR", "SECRETARY_GENERAL", "STANDING_COMMITTEE");

        // before generating: 6 members for 3 liaisons cannot make groups of 10, said once, with the numbers
        Res outlook = office.get("/api/v1/liaison/plans/2025/outlook");
        assertThat(outlook.status()).as(outlook.toString()).isEqualTo(200);
        assertThat(outlook.json().path("liaisons").asInt()).isEqualTo(3);
        assertThat(outlook.json().path("members").asInt()).isEqualTo(6);
        assertThat(outlook.json().path("minimumMet").asBoolean()).isFalse();
        assertThat(outlook.json().path("smallestGroup").asInt()).isEqualTo(2);
        assertThat(outlook.get("message")).contains("6", "3", "10", "30");
        assertThat(office.lang("en").get("/api/v1/liaison/plans/2025/outlook").get("message"))
                .contains("do not allow at least 10 members");

        // only the chair's meeting: the standing committee member becomes a member to be contacted
        Res changed = office.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of("CHAIR", "VICE_CHAIR"),
                "minGroupSize", 3));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("liaisonRoles").values()).extracting(JsonNode::asString)
                .containsExactly("CHAIR", "VICE_CHAIR");
        JsonNode met = office.get("/api/v1/liaison/plans/2025/outlook").json();
        assertThat(met.path("liaisons").asInt()).isEqualTo(2);
        assertThat(met.path("members").asInt()).isEqualTo(7);
        assertThat(met.path("minimumMet").asBoolean()).isTrue();
        assertThat(met.path("message").isNull()).isTrue();
        JsonNode plan = fx.generate(2025);
        assertThat(groups(plan).keySet()).containsExactlyInAnyOrder(chair, viceChair);
        assertThat(groups(plan).values().stream().flatMap(List::stream)).contains(standing);
    }

    @Test
    void badSettingsAndOutlooksAreRefused() {
        Api office = freshCommittee();
        assertThat(fields(office.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of()))))
                .containsExactly("liaisonRoles");
        assertThat(fields(office.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of("MEMBER", "CHAIR")))))
                .containsExactly("liaisonRoles");
        // an unknown role is a type error of that list element
        assertThat(fields(office.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of("BOSS")))))
                .singleElement().asString().startsWith("liaisonRoles");
        assertThat(office.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of())).get("detail")).isNotBlank();
        assertThat(fields(office.get("/api/v1/liaison/plans/1999/outlook"))).containsExactly("year");
        assertThat(fields(office.get("/api/v1/liaison/plans/next/outlook"))).containsExactly("year");
        // no liaisons at all: said plainly too
        JsonNode none = office.get("/api/v1/liaison/plans/2025/outlook").json();
        assertThat(none.path("liaisons").asInt()).isZero();
        assertThat(none.path("message").asString()).isNotBlank();
        for (String role : Fixtures.ROLES) {
            if (!role.equals("ADMIN")) {
                Api user = Fixtures.signedIn(admin, role);
                assertThat(user.get("/api/v1/liaison/plans/2025/outlook").status()).as(role).isEqualTo(403);
                assertThat(user.put("/api/v1/liaison/settings", Map.of("liaisonRoles", List.of("CHAIR"))).status())
                        .as(role).isEqualTo(403);
            }
        }
        assertThat(api.get("/api/v1/liaison/plans/2025/outlook").status()).isEqualTo(401);
    }

    @Test
    void aSymposiumMayIncludeMembersOfOtherGroupsAsExtraContacts() {
        Api office = freshCommittee();
        LiaisonFixture fx = new LiaisonFixture(office);
        long sector = fx.sector();
        long a = fx.member("STANDING_COMMITTEE", sector);
        long b = fx.member("STANDING_COMMITTEE", sector);
        fx.members(6, sector);
        office.put("/api/v1/liaison/settings", Map.of("minGroupSize", 3));
        Map<Long, List<Long>> groups = groups(fx.confirmed(2025));
        long own = groups.get(a).get(0);
        long other = groups.get(b).get(0);
        Api liaison = fx.account(Set.of("MEMBER"), a, null);

        Res logged = liaison.post("/api/v1/liaison/contacts", contact(a, List.of(own, other), "SYMPOSIUM"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().path("memberIds").values()).extracting(JsonNode::asLong).containsExactlyInAnyOrder(own, other);
        assertThat(logged.json().path("extraMemberIds").values()).extracting(JsonNode::asLong).containsExactly(other);
        long id = logged.id();

        // counted for the extra member too: it is on their record and they read it
        assertThat(office.get("/api/v1/liaison/contacts?year=2025&memberId=" + other).json().path("total").asInt())
                .isEqualTo(1);
        Api extra = fx.account(Set.of("MEMBER"), other, null);
        assertThat(extra.get("/api/v1/liaison/contacts/" + id).status()).isEqualTo(200);
        // and not in the other liaison's compliance: that pair did not meet
        JsonNode compliance = office.get("/api/v1/liaison/plans/2025/compliance").json();
        assertThat(compliance.path("pairsDone").asInt()).isZero();

        // only a symposium reaches outside the group, and only members of the year's plan
        assertThat(fields(liaison.post("/api/v1/liaison/contacts", contact(a, List.of(own, other), "VISIT"))))
                .containsExactly("memberIds");
        long newcomer = fx.member("MEMBER", sector);
        Res notInPlan = liaison.post("/api/v1/liaison/contacts", contact(a, List.of(own, newcomer), "SYMPOSIUM"));
        assertThat(fields(notInPlan)).containsExactly("memberIds");
        assertThat(notInPlan.get("detail")).isNotBlank();
        assertThat(fields(liaison.post("/api/v1/liaison/contacts", contact(a, List.of(own, b), "SYMPOSIUM"))))
                .containsExactly("memberIds");
        // a group-only symposium has no extra contacts
        Res plain = liaison.post("/api/v1/liaison/contacts", contact(a, groups.get(a), "SYMPOSIUM"));
        assertThat(plain.json().path("extraMemberIds").values()).isEmpty();
    }

    private static Map<String, Object> contact(long liaison, List<Long> members, String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("liaisonMemberId", liaison);
        body.put("memberIds", members);
        body.put("date", LocalDate.of(2025, 5, 1).toString());
        body.put("method", method);
        body.put("conveyed", "通报全会精神，座谈听取意见");
        return body;
    }
}
