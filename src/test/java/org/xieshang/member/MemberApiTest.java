package org.xieshang.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** POST/GET/PATCH /api/v1/members and the list with paging and name search. */
class MemberApiTest extends ApiTestBase {

    private static final String MEMBERS = "/api/v1/members";

    private long sectorId;

    @BeforeEach
    void sector() {
        sectorId = Fixtures.sector(admin);
    }

    @Test
    void createsAndReadsAMember() {
        long specialCommitteeId = Fixtures.created(admin.post("/api/v1/special-committees",
                Map.of("name", TestSupport.unique("提案委员会"))));
        String name = TestSupport.unique("王建国");
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("gender", "MALE");
        body.put("ethnicity", "汉族");
        body.put("birthDate", "1970-05-04");
        body.put("party", "中国民主同盟");
        body.put("sectorId", sectorId);
        body.put("specialCommitteeId", specialCommitteeId);
        body.put("workUnit", "区第一中学");
        body.put("title", "校长");
        body.put("phone", "13800138000");
        body.put("email", "wang@example.cn");
        body.put("roles", List.of("STANDING_COMMITTEE"));
        Res created = admin.post(MEMBERS, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.id()).isPositive();
        assertThat(created.get("status")).isEqualTo("ACTIVE");

        Res got = admin.get(MEMBERS + "/" + created.id());
        assertThat(got.status()).isEqualTo(200);
        JsonNode m = got.json();
        assertThat(m.path("id").asLong()).isEqualTo(created.id());
        assertThat(m.path("name").asString()).isEqualTo(name);
        assertThat(m.path("gender").asString()).isEqualTo("MALE");
        assertThat(m.path("ethnicity").asString()).isEqualTo("汉族");
        assertThat(m.path("birthDate").asString()).isEqualTo("1970-05-04");
        assertThat(m.path("party").asString()).isEqualTo("中国民主同盟");
        assertThat(m.path("sectorId").asLong()).isEqualTo(sectorId);
        assertThat(m.path("specialCommitteeId").asLong()).isEqualTo(specialCommitteeId);
        assertThat(m.path("workUnit").asString()).isEqualTo("区第一中学");
        assertThat(m.path("title").asString()).isEqualTo("校长");
        assertThat(m.path("phone").asString()).isEqualTo("13800138000");
        assertThat(m.path("email").asString()).isEqualTo("wang@example.cn");
        assertThat(m.path("roles").values()).extracting(JsonNode::asString).containsExactly("STANDING_COMMITTEE");
        assertThat(m.path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void withoutRolesAMemberIsAPlainMember() {
        Res created = admin.post(MEMBERS, Map.of("name", TestSupport.unique("李芳"), "gender", "FEMALE", "sectorId", sectorId));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("roles").values()).extracting(JsonNode::asString).containsExactly("MEMBER");
    }

    @Test
    void contactDetailsOnlyForTheOfficeLeadersAndTheMemberThemself() {
        Res user = Fixtures.user(admin, "MEMBER");
        Api member = api.login(user.get("username"), Fixtures.USER_PASSWORD);
        long own = user.json().path("memberId").asLong();
        assertThat(admin.patch(MEMBERS + "/" + own, Map.of("phone", "13900139000")).status()).isEqualTo(200);
        Res other = admin.post(MEMBERS, Map.of("name", TestSupport.unique("赵敏"), "gender", "FEMALE", "sectorId", sectorId,
                "phone", "13700137000", "email", "zhao@example.cn", "birthDate", "1980-01-01"));

        assertThat(member.get(MEMBERS + "/" + own).get("phone")).isEqualTo("13900139000");
        Res seen = member.get(MEMBERS + "/" + other.id());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.get("name")).isEqualTo(other.get("name"));
        assertThat(seen.json().path("phone").isNull()).isTrue();
        assertThat(seen.json().path("email").isNull()).isTrue();
        assertThat(seen.json().path("birthDate").isNull()).isTrue();
        assertThat(Fixtures.signedIn(admin, "LEADER_CPPCC").get(MEMBERS + "/" + other.id()).get("phone"))
                .isEqualTo("13700137000");
    }

    @Test
    void aUnitsUsersSeeNoMemberOutsideTheirCases() {
        // a unit without cases: an empty list and no member found (UnitMemberVisibilityTest covers units with cases)
        for (String role : List.of("UNIT_HANDLER", "UNIT_HEAD")) {
            Api unit = Fixtures.signedIn(admin, role);
            Res list = unit.get(MEMBERS);
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.json().path("items").values()).isEmpty();
            assertThat(list.json().path("total").asLong()).isZero();
            Res someone = admin.post(MEMBERS, Map.of("name", TestSupport.unique("钱进"), "gender", "MALE", "sectorId", sectorId));
            assertThat(unit.get(MEMBERS + "/" + someone.id()).status()).isEqualTo(404);
            assertThat(admin.get(MEMBERS + "/" + someone.id()).status()).isEqualTo(200);
        }
    }

    @Test
    void listsInPages() {
        String prefix = TestSupport.unique("分页");
        for (String suffix : List.of("丙", "甲", "乙")) {
            Fixtures.member(admin, sectorId, prefix + suffix);
        }
        Res first = admin.get(MEMBERS, Map.of("q", prefix, "page", 0, "size", 2));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("page").asInt()).isZero();
        assertThat(first.json().path("size").asInt()).isEqualTo(2);
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(first.json().path("items").values()).hasSize(2);
        Res second = admin.get(MEMBERS, Map.of("q", prefix, "page", 1, "size", 2));
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(second.json().path("total").asLong()).isEqualTo(3);
        assertThat(second.json().path("items").values()).hasSize(1);
        List<String> all = new ArrayList<>();
        first.json().path("items").values().forEach(n -> all.add(n.path("name").asString()));
        second.json().path("items").values().forEach(n -> all.add(n.path("name").asString()));
        assertThat(all).containsExactlyInAnyOrder(prefix + "甲", prefix + "乙", prefix + "丙").doesNotHaveDuplicates();
        assertThat(admin.get(MEMBERS, Map.of("q", prefix, "page", 2, "size", 2)).json().path("items").values()).isEmpty();

        // defaults: first page of 20
        Res defaults = admin.get(MEMBERS);
        assertThat(defaults.json().path("page").asInt()).isZero();
        assertThat(defaults.json().path("size").asInt()).isEqualTo(20);
        assertThat(defaults.json().path("items").values()).hasSizeLessThanOrEqualTo(20);
        assertThat(defaults.json().path("total").asLong()).isGreaterThanOrEqualTo(3);

        assertThat(admin.get(MEMBERS, Map.of("size", 200)).status()).isEqualTo(200);
        assertField(admin.get(MEMBERS, Map.of("size", 201)), "size");
        assertField(admin.get(MEMBERS, Map.of("size", 0)), "size");
        assertField(admin.get(MEMBERS, Map.of("page", -1)), "page");
        assertField(admin.get(MEMBERS, Map.of("page", "first")), "page");
        assertField(admin.get(MEMBERS, Map.of("status", "RETIRED")), "status");
        // filters
        assertThat(admin.get(MEMBERS, Map.of("q", prefix, "sectorId", sectorId, "status", "ACTIVE")).json().path("total").asLong())
                .isEqualTo(3);
        assertThat(admin.get(MEMBERS, Map.of("q", prefix, "status", "RESIGNED")).json().path("total").asLong()).isZero();
    }

    @Test
    void searchTreatsSpecialCharactersLiterally() {
        String p = TestSupport.unique("搜");
        List<String> tails = List.of("a%b", "a_b", "axb", "a'b", "a\"b", "a!b", "a\\b", "a[b");
        for (String tail : tails) {
            Fixtures.member(admin, sectorId, p + tail);
        }
        for (String tail : tails) {
            Res res = admin.get(MEMBERS, Map.of("q", p + tail, "size", 200));
            assertThat(res.status()).as(tail).isEqualTo(200);
            assertThat(names(res)).as("q=%s", tail).containsExactly(p + tail);
        }
        assertThat(names(admin.get(MEMBERS, Map.of("q", "%", "size", 200)))).allMatch(n -> n.contains("%"));
        assertThat(names(admin.get(MEMBERS, Map.of("q", "_", "size", 200)))).allMatch(n -> n.contains("_"));
        assertThat(names(admin.get(MEMBERS, Map.of("q", p, "size", 200)))).hasSize(tails.size());
        assertThat(names(admin.get(MEMBERS, Map.of("q", "  " + p + "a%b  ", "size", 200)))).containsExactly(p + "a%b");
        assertThat(names(admin.get(MEMBERS, Map.of("q", p + "%", "size", 200)))).isEmpty();
        assertThat(names(admin.get(MEMBERS, Map.of("q", "' or '1'='1", "size", 200)))).isEmpty();
    }

    @Test
    void changesOnlyWhatThePatchNames() {
        Res created = admin.post(MEMBERS, Map.of("name", TestSupport.unique("陈静"), "gender", "FEMALE", "sectorId", sectorId,
                "workUnit", "区人民医院", "phone", "13600136000", "roles", List.of("MEMBER")));
        long id = created.id();
        long otherSector = Fixtures.sector(admin);

        Res patched = admin.patch(MEMBERS + "/" + id, Map.of("title", "副院长", "sectorId", otherSector,
                "roles", List.of("STANDING_COMMITTEE", "MEMBER")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.get("title")).isEqualTo("副院长");
        assertThat(patched.json().path("sectorId").asLong()).isEqualTo(otherSector);
        assertThat(patched.json().path("roles").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("STANDING_COMMITTEE", "MEMBER");
        Res got = admin.get(MEMBERS + "/" + id);
        assertThat(got.get("name")).isEqualTo(created.get("name"));
        assertThat(got.get("gender")).isEqualTo("FEMALE");
        assertThat(got.get("workUnit")).isEqualTo("区人民医院");
        assertThat(got.get("phone")).isEqualTo("13600136000");
        assertThat(got.get("title")).isEqualTo("副院长");
        assertThat(got.json().path("version").asLong()).isGreaterThan(created.json().path("version").asLong());

        Res status = admin.patch(MEMBERS + "/" + id, Map.of("status", "WARNED"));
        assertThat(status.get("status")).isEqualTo("WARNED");
        assertThat(status.get("title")).isEqualTo("副院长");

        // invalid changes leave the member as it was
        assertField(admin.patch(MEMBERS + "/" + id, Map.of("phone", "12345")), "phone");
        assertField(admin.patch(MEMBERS + "/" + id, Map.of("name", "  ")), "name");
        assertField(admin.patch(MEMBERS + "/" + id, Map.of("sectorId", 987654321L)), "sectorId");
        assertField(admin.patch(MEMBERS + "/" + id, Map.of("gender", "OTHER")), "gender");
        assertField(admin.patch(MEMBERS + "/" + id, Map.of("status", "ASLEEP")), "status");
        assertThat(admin.get(MEMBERS + "/" + id).get("phone")).isEqualTo("13600136000");
    }

    @Test
    void unknownMembersAre404() {
        assertProblem(admin.get(MEMBERS + "/987654321"), 404);
        assertProblem(admin.patch(MEMBERS + "/987654321", Map.of("title", "x")), 404);
        assertField(admin.get(MEMBERS + "/abc"), "id");
    }

    @Test
    void invalidMembersNameTheFields() {
        Map<String, Object> good = Map.of("name", TestSupport.unique("孙强"), "gender", "MALE", "sectorId", sectorId);
        assertField(admin.post(MEMBERS, without(good, "name")), "name");
        assertField(admin.post(MEMBERS, with(good, "name", "   ")), "name");
        assertField(admin.post(MEMBERS, with(good, "name", "名".repeat(51))), "name");
        assertField(admin.post(MEMBERS, without(good, "sectorId")), "sectorId");
        assertField(admin.post(MEMBERS, with(good, "sectorId", 987654321L)), "sectorId");
        assertField(admin.post(MEMBERS, with(good, "sectorId", "教育界")), "sectorId");
        assertField(admin.post(MEMBERS, with(good, "specialCommitteeId", 987654321L)), "specialCommitteeId");
        assertField(admin.post(MEMBERS, with(good, "phone", "555-CALL-ME")), "phone");
        assertField(admin.post(MEMBERS, with(good, "phone", "1380013800")), "phone");
        assertField(admin.post(MEMBERS, with(good, "email", "not-an-email")), "email");
        assertField(admin.post(MEMBERS, with(good, "birthDate", "2020-01-01")), "birthDate");
        assertField(admin.post(MEMBERS, with(good, "birthDate", "1970-13-01")), "birthDate");
        assertField(admin.post(MEMBERS, without(good, "gender")), "gender");
        assertField(admin.post(MEMBERS, with(good, "gender", "UNKNOWN")), "gender");
        Res role = admin.post(MEMBERS, with(good, "roles", List.of("PRESIDENT")));
        assertProblem(role, 400);
        assertThat(fields(role)).singleElement().asString().startsWith("roles");

        Res many = admin.post(MEMBERS, Map.of("phone", "x", "email", "y"));
        assertThat(fields(many)).contains("name", "gender", "sectorId", "phone", "email");
        // none of them was created
        assertThat(names(admin.get(MEMBERS, Map.of("q", good.get("name"))))).isEmpty();
        // a landline works as well as a mobile
        assertThat(admin.post(MEMBERS, with(good, "phone", "0571-87654321")).status()).isEqualTo(201);
    }

    @Test
    void onlyTheOfficeChangesMembers() {
        long id = Fixtures.member(admin, sectorId);
        for (String role : Fixtures.ROLES) {
            if (role.equals("ADMIN")) {
                continue;
            }
            Api user = Fixtures.signedIn(admin, role);
            assertProblem(user.post(MEMBERS, Map.of("name", "x", "gender", "MALE", "sectorId", sectorId)), 403);
            assertProblem(user.patch(MEMBERS + "/" + id, Map.of("title", "x")), 403);
            // a unit's users see only the proposers of their unit's cases (UnitMemberVisibilityTest)
            boolean unit = role.equals("UNIT_HANDLER") || role.equals("UNIT_HEAD");
            assertThat(user.get(MEMBERS + "/" + id).status()).isEqualTo(unit ? 404 : 200);
            assertThat(user.get(MEMBERS).status()).isEqualTo(200);
        }
        assertProblem(api.get(MEMBERS), 401);
        assertProblem(api.get(MEMBERS + "/" + id), 401);
    }

    static List<String> names(Res res) {
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        return res.json().path("items").values().stream().map(n -> n.path("name").asString()).toList();
    }

    static List<String> fields(Res res) {
        return res.json().path("errors").values().stream().map(e -> e.path("field").asString()).toList();
    }

    static void assertProblem(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.get("detail")).isNotBlank();
    }

    static void assertField(Res res, String field) {
        assertProblem(res, 400);
        assertThat(fields(res)).as("%s", res).contains(field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }
}
