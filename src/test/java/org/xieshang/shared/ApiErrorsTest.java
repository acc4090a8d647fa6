package org.xieshang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;

/** Errors as problem+json with the right status and language (API.md "Conventions"); never a 500 for bad input. */
class ApiErrorsTest extends ApiTestBase {

    private static final int MB = 1024 * 1024;

    @Test
    void unknownPathIs404() {
        Res res = admin.get("/api/v1/no-such-thing");
        assertProblem(res, 404);
        assertProblem(admin.post("/api/v1/no/such/thing", Map.of()), 404);
        // without a token nothing is told, not even that the path is unknown
        assertProblem(api.get("/api/v1/no-such-thing"), 401);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Res res = admin.delete("/api/v1/sectors");
        assertProblem(res, 405);
        assertThat(res.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");
        assertProblem(admin.put("/api/v1/members", Map.of()), 405);
        assertProblem(admin.method("PATCH", "/api/v1/me"), 405);
    }

    @Test
    void textBodyToAJsonEndpointIs415() {
        assertProblem(admin.postRaw("/api/v1/sectors", "text/plain", "name=教育界".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(admin.postRaw("/api/v1/members", "application/xml", "<member/>".getBytes(StandardCharsets.UTF_8)), 415);
        // an upload endpoint wants multipart
        assertProblem(admin.post("/api/v1/members/import", Map.of("file", "x")), 415);
    }

    @Test
    void malformedJsonIs400() {
        for (String body : List.of("{", "{\"name\":", "not json", "{\"name\" \"x\"}", "[1,2", "\"unterminated")) {
            Res res = admin.postRaw("/api/v1/sectors", "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertProblem(res, 400);
        }
        // well-formed JSON of the wrong shape is bad input too
        for (String body : List.of("[]", "42", "\"x\"", "null", "{\"name\":{\"a\":1}}", "{\"name\":[\"x\"]}")) {
            Res res = admin.postRaw("/api/v1/sectors", "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(res.status()).as("%s -> %s", body, res).isEqualTo(400);
            assertThat(res.contentType()).startsWith("application/problem+json");
        }
        assertProblem(admin.postRaw("/api/v1/members", "application/json", "{\"sectorId\":\"abc\"}".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(admin.postRaw("/api/v1/members", "application/json",
                "{\"name\":\"x\",\"gender\":\"MALE\",\"sectorId\":1e400}".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(admin.postRaw("/api/v1/auth/token", "application/json", "{\"username\":".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void jsonBodiesOverOneMegabyteAre413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(MB + 100) + "\"}").getBytes(StandardCharsets.UTF_8);
        // with Content-Length: refused before it is read
        assertProblem(admin.postRaw("/api/v1/sectors", "application/json", big), 413);
        // chunked, without a length: refused while it is read
        assertProblem(admin.postChunked("/api/v1/sectors", "application/json", big), 413);
        assertProblem(api.postChunked("/api/v1/auth/token", "application/json", big), 413);
        // just under the limit is read (and then judged on its content)
        byte[] under = ("{\"name\":\"" + "x".repeat(MB - 100) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(admin.postChunked("/api/v1/sectors", "application/json", under).status()).isEqualTo(400);
        assertThat(admin.postRaw("/api/v1/sectors", "application/json", under).status()).isEqualTo(400);
        // and the server still answers normally afterwards
        assertThat(admin.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void uploadsOverTheFileLimitAre413() {
        // the multipart limit is 10 MB per file
        byte[] big = new byte[10 * MB + MB / 2];
        Res res = admin.upload("/api/v1/members/import", "file", "big.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", big);
        assertProblem(res, 413);
        assertThat(admin.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void detailFollowsAcceptLanguage() {
        Res zh = admin.get("/api/v1/members/987654321");
        Res en = admin.lang("en").get("/api/v1/members/987654321");
        Res enUs = admin.lang("en-US,en;q=0.9").get("/api/v1/members/987654321");
        Res zhCn = admin.lang("zh-CN,zh;q=0.9,en;q=0.8").get("/api/v1/members/987654321");
        Res other = admin.lang("fr-FR").get("/api/v1/members/987654321");
        Res garbage = admin.lang(";;;q=x").get("/api/v1/members/987654321");
        for (Res res : List.of(zh, en, enUs, zhCn, other, garbage)) {
            assertProblem(res, 404);
        }
        assertThat(zh.get("detail")).matches(".*\\p{IsHan}.*");
        assertThat(en.get("detail")).matches("[\\x20-\\x7E]+").containsIgnoringCase("not found");
        assertThat(en.get("title")).matches("[\\x20-\\x7E]+");
        assertThat(enUs.get("detail")).isEqualTo(en.get("detail"));
        assertThat(zhCn.get("detail")).isEqualTo(zh.get("detail"));
        assertThat(other.get("detail")).isEqualTo(zh.get("detail"));
        assertThat(garbage.get("detail")).isEqualTo(zh.get("detail"));

        // field messages too, and the errors before a controller is reached
        Res fieldEn = admin.lang("en").post("/api/v1/sectors", Map.of("name", ""));
        assertThat(fieldEn.json().path("errors").values().iterator().next().path("message").asString()).matches("[\\x20-\\x7E]+");
        Res fieldZh = admin.post("/api/v1/sectors", Map.of("name", ""));
        assertThat(fieldZh.json().path("errors").values().iterator().next().path("message").asString()).matches(".*\\p{IsHan}.*");
        assertThat(api.lang("en").get("/api/v1/me").get("detail")).matches("[\\x20-\\x7E]+");
        assertThat(api.get("/api/v1/me").get("detail")).matches(".*\\p{IsHan}.*");
        Res member = Fixtures.signedIn(admin, "MEMBER").lang("en").post("/api/v1/sectors", Map.of("name", "x"));
        assertProblem(member, 403);
        assertThat(member.get("detail")).matches("[\\x20-\\x7E]+");
        byte[] big = ("{\"name\":\"" + "x".repeat(MB + 100) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(admin.lang("en").postRaw("/api/v1/sectors", "application/json", big).get("detail")).matches("[\\x20-\\x7E]+");
        assertThat(admin.lang("en").get("/api/v1/nothing-here").get("detail")).matches("[\\x20-\\x7E]+");
    }

    @Test
    void badInputIsNeverAServerError() {
        Api a = admin;
        List<Res> answers = new ArrayList<>();
        answers.add(a.get("/api/v1/members/-1"));
        answers.add(a.get("/api/v1/members/99999999999999999999"));
        answers.add(a.get("/api/v1/members/1.5"));
        answers.add(a.get("/api/v1/members?page=999999999&size=200"));
        answers.add(a.get("/api/v1/members?size=2147483648"));
        answers.add(a.get("/api/v1/members?sectorId=x"));
        answers.add(a.get("/api/v1/terms/abc"));
        answers.add(a.get("/api/v1/users?page=-5"));
        answers.add(a.get("/api/v1/audit/entries"));
        answers.add(a.get("/api/v1/audit/entries?entityType=Member"));
        answers.add(a.get("/api/v1/calendar/days"));
        answers.add(a.get("/api/v1/calendar/days?year=abc"));
        answers.add(a.get("/api/v1/calendar/days?year=99999"));
        answers.add(a.get("/api/v1/calendar/working-days?from=2026-02-30&days=1"));
        answers.add(a.get("/api/v1/calendar/working-days?from=2026-09-28&days=99999999"));
        answers.add(a.put("/api/v1/calendar/days/2026-13-01", Map.of("kind", "HOLIDAY", "name", "x")));
        answers.add(a.put("/api/v1/calendar/days/2026-05-06", Map.of("kind", "PARTY", "name", "x")));
        answers.add(a.post("/api/v1/members", Map.of("name", "x", "gender", "MALE", "sectorId", -1)));
        answers.add(a.post("/api/v1/members", Map.of("name", "x", "gender", "MALE", "sectorId", Long.MAX_VALUE)));
        answers.add(a.post("/api/v1/members", Map.of("name", "x", "gender", "MALE", "sectorId", 1, "roles", "MEMBER")));
        answers.add(a.post("/api/v1/members", Map.of("name", "x", "gender", "MALE", "sectorId", 1, "birthDate", 19700101)));
        answers.add(a.post("/api/v1/members", Map.of("name", 12345, "gender", true, "sectorId", 1)));
        answers.add(a.post("/api/v1/users", Map.of("username", "ok-name", "password", "long-enough", "displayName", "x",
                "roles", "ADMIN")));
        answers.add(a.post("/api/v1/users", Map.of("username", "ok-name", "password", "long-enough", "displayName", "x",
                "roles", List.of("ADMIN"), "memberId", "m1")));
        answers.add(a.post("/api/v1/terms", Map.of("name", "x", "startDate", 20260101, "endDate", "2031-01-01")));
        answers.add(a.post("/api/v1/terms/1/sessions", Map.of("name", "x", "year", 99999999999L, "startDate", "2026-01-01")));
        answers.add(a.patch("/api/v1/members/1", "[]"));
        answers.add(a.patch("/api/v1/users/1", Map.of("enabled", "maybe")));
        answers.add(a.postRaw("/api/v1/sectors", "application/json; charset=nonsense", "{}".getBytes(StandardCharsets.UTF_8)));
        answers.add(a.postRaw("/api/v1/sectors", "application/json", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
        answers.add(a.postRaw("/api/v1/sectors", "nonsense", "{}".getBytes(StandardCharsets.UTF_8)));
        answers.add(a.upload("/api/v1/members/import", "file", "x.xlsx", "application/octet-stream", new byte[] {1, 2, 3}));
        answers.add(api.post("/api/v1/auth/token", Map.of("username", List.of("a"), "password", Map.of("x", 1))));
        answers.add(api.post("/api/v1/auth/token", Map.of("username", "u".repeat(10_000), "password", "p")));
        // a long search of wildcards is no error: it finds nothing
        assertThat(a.get("/api/v1/members?q=" + "%25".repeat(2000)).json().path("total").asLong()).isZero();
        assertThat(answers).as("answers that are not a 4xx problem")
                .filteredOn(res -> res.status() < 400 || res.status() > 499 || !res.contentType().startsWith("application/problem+json"))
                .isEmpty();
    }

    private static void assertProblem(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        assertThat(res.contentType()).as("%s", res).startsWith("application/problem+json");
        assertThat(res.json().path("status").asInt()).isEqualTo(status);
        assertThat(res.get("title")).isNotBlank();
        assertThat(res.get("detail")).isNotBlank();
        assertThat(res.get("type")).isNotBlank();
    }
}
