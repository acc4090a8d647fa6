package org.xieshang.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** Sectors, units, special committees, terms and sessions (API.md "Identity and reference data"). */
class ReferenceDataApiTest extends ApiTestBase {

    @Test
    void sectors() {
        String name = TestSupport.unique("教育界");
        Res created = admin.post("/api/v1/sectors", Map.of("name", "  " + name + " "));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.id()).isPositive();
        assertThat(created.get("name")).isEqualTo(name);
        assertThat(names(admin.get("/api/v1/sectors"))).contains(name);

        assertProblem(admin.post("/api/v1/sectors", Map.of("name", name)), 409);
        assertField(admin.post("/api/v1/sectors", Map.of("name", " ")), "name");
        assertField(admin.post("/api/v1/sectors", Map.of()), "name");
        assertField(admin.post("/api/v1/sectors", Map.of("name", "界".repeat(101))), "name");
    }

    @Test
    void units() {
        for (String type : List.of("DEPARTMENT", "PARTY_DEPARTMENT", "TOWNSHIP", "OTHER")) {
            String name = TestSupport.unique("单位" + type);
            Res created = admin.post("/api/v1/units", Map.of("name", name, "type", type));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.get("name")).isEqualTo(name);
            assertThat(created.get("type")).isEqualTo(type);
        }
        String name = TestSupport.unique("区教育局");
        long id = Fixtures.created(admin.post("/api/v1/units", Map.of("name", name, "type", "DEPARTMENT")));
        Res list = admin.get("/api/v1/units");
        assertThat(list.json().path("items").values())
                .anySatisfy(u -> {
                    assertThat(u.path("id").asLong()).isEqualTo(id);
                    assertThat(u.path("type").asString()).isEqualTo("DEPARTMENT");
                });

        assertField(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("u"), "type", "MINISTRY")), "type");
        assertField(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("u"), "type", 7)), "type");
        assertField(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("u"))), "type");
        assertField(admin.post("/api/v1/units", Map.of("type", "OTHER")), "name");
        assertProblem(admin.post("/api/v1/units", Map.of("name", name, "type", "TOWNSHIP")), 409);
    }

    @Test
    void specialCommittees() {
        String name = TestSupport.unique("提案委员会");
        Res created = admin.post("/api/v1/special-committees", Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("name")).isEqualTo(name);
        assertThat(names(admin.get("/api/v1/special-committees"))).contains(name);
        assertProblem(admin.post("/api/v1/special-committees", Map.of("name", name)), 409);
        assertField(admin.post("/api/v1/special-committees", Map.of("name", "")), "name");
    }

    @Test
    void termsAndSessions() {
        String name = TestSupport.unique("第十四届");
        Res term = admin.post("/api/v1/terms", Map.of("name", name, "startDate", "2026-01-10", "endDate", "2031-01-09"));
        assertThat(term.status()).isEqualTo(201);
        long termId = term.id();
        assertThat(term.get("startDate")).isEqualTo("2026-01-10");
        assertThat(term.get("endDate")).isEqualTo("2031-01-09");
        assertThat(names(admin.get("/api/v1/terms"))).contains(name);

        Res session = admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第二次会议", "year", 2026, "startDate", "2026-03-01"));
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.id()).isPositive();
        assertThat(session.json().path("termId").asLong()).isEqualTo(termId);
        assertThat(session.json().path("year").asInt()).isEqualTo(2026);
        assertThat(session.get("startDate")).isEqualTo("2026-03-01");

        Res got = admin.get("/api/v1/terms/" + termId);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("sessions").values()).extracting(s -> s.path("name").asString()).containsExactly("第二次会议");
        assertThat(admin.get("/api/v1/sessions").json().path("items").values())
                .anySatisfy(s -> assertThat(s.path("id").asLong()).isEqualTo(session.id()));

        // the same session name twice in a term is a conflict, in another term it is fine
        assertProblem(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第二次会议", "year", 2027, "startDate", "2027-03-01")), 409);
        // the last year of the term is inside it, the year after is not
        assertThat(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第六次会议", "year", 2031, "startDate", "2031-01-05")).status()).isEqualTo(201);
        assertField(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第七次会议", "year", 2032, "startDate", "2032-03-01")), "year");
        assertField(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第零次会议", "year", 2025, "startDate", "2025-03-01")), "year");
        assertField(admin.post("/api/v1/terms/" + termId + "/sessions", Map.of("name", "第三次会议", "year", 2027)),
                "startDate");
        assertField(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第三次会议", "year", "二〇二七", "startDate", "2027-03-01")), "year");
        assertField(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第三次会议", "year", 2027, "startDate", "2027-02-30")), "startDate");

        // an unknown term
        assertProblem(admin.post("/api/v1/terms/987654321/sessions",
                Map.of("name", "第二次会议", "year", 2026, "startDate", "2026-03-01")), 404);
        assertProblem(admin.get("/api/v1/terms/987654321"), 404);
        assertField(admin.post("/api/v1/terms/not-a-number/sessions",
                Map.of("name", "第二次会议", "year", 2026, "startDate", "2026-03-01")), "id");

        assertProblem(admin.post("/api/v1/terms", Map.of("name", name, "startDate", "2036-01-10", "endDate", "2041-01-09")),
                409);
    }

    @Test
    void aTermEndsAfterItStarts() {
        Map<String, Object> body = new HashMap<>(Map.of("name", TestSupport.unique("届"), "startDate", "2026-01-10",
                "endDate", "2025-12-31"));
        assertField(admin.post("/api/v1/terms", body), "endDate");
        body.put("endDate", "2026-01-10");
        assertField(admin.post("/api/v1/terms", body), "endDate");
        body.remove("endDate");
        assertField(admin.post("/api/v1/terms", body), "endDate");
        body.put("endDate", "2031-01-09");
        body.put("startDate", "10/01/2026");
        assertField(admin.post("/api/v1/terms", body), "startDate");
        body.put("startDate", "2026-01-10");
        body.put("name", "");
        assertField(admin.post("/api/v1/terms", body), "name");
    }

    @Test
    void onlyTheCommitteeOfficeChangesReferenceData() {
        Res term = admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("届"), "startDate", "2026-01-10",
                "endDate", "2031-01-09"));
        long termId = term.id();
        for (String role : Fixtures.ROLES) {
            if (role.equals("ADMIN")) {
                continue;
            }
            Api user = Fixtures.signedIn(admin, role);
            // the issue names this one: a MEMBER creating a unit
            assertProblem(user.post("/api/v1/units", Map.of("name", TestSupport.unique("单位"), "type", "DEPARTMENT")), 403);
            assertProblem(user.post("/api/v1/sectors", Map.of("name", TestSupport.unique("界别"))), 403);
            assertProblem(user.post("/api/v1/special-committees", Map.of("name", TestSupport.unique("专委"))), 403);
            assertProblem(user.post("/api/v1/terms", Map.of("name", TestSupport.unique("届"), "startDate", "2026-01-10",
                    "endDate", "2031-01-09")), 403);
            assertProblem(user.post("/api/v1/terms/" + termId + "/sessions",
                    Map.of("name", "第二次会议", "year", 2026, "startDate", "2026-03-01")), 403);
            // but everyone signed in reads it
            for (String path : List.of("/api/v1/sectors", "/api/v1/units", "/api/v1/special-committees", "/api/v1/terms",
                    "/api/v1/sessions", "/api/v1/terms/" + termId)) {
                assertThat(user.get(path).status()).as(role + " " + path).isEqualTo(200);
            }
        }
        assertThat(admin.get("/api/v1/terms/" + termId).json().path("sessions").values()).isEmpty();
    }

    @Test
    void nothingWithoutAToken() {
        for (String path : List.of("/api/v1/sectors", "/api/v1/units", "/api/v1/special-committees", "/api/v1/terms",
                "/api/v1/sessions")) {
            assertProblem(api.get(path), 401);
            assertProblem(api.post(path, Map.of("name", "x", "type", "OTHER")), 401);
        }
    }

    private static List<String> names(Res list) {
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("items").values().stream().map(n -> n.path("name").asString()).toList();
    }

    static void assertProblem(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.get("detail")).isNotBlank();
    }

    static void assertField(Res res, String field) {
        assertProblem(res, 400);
        assertThat(res.json().path("errors").values()).extracting(e -> e.path("field").asString()).as("%s", res)
                .contains(field);
    }
}
