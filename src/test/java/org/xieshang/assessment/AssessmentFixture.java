package org.xieshang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** Members with accounts, and waiting for the duty record, for the assessment tests. */
final class AssessmentFixture {

    record Person(long memberId, String username, Api api) {
    }

    private final Api admin;

    AssessmentFixture(Api admin) {
        this.admin = admin;
    }

    Person member() {
        long sector = Fixtures.sector(admin);
        long memberId = Fixtures.created(admin.post("/api/v1/members", Map.of("name", TestSupport.unique("委员"),
                "gender", "MALE", "sectorId", sector)));
        String username = TestSupport.unique("m");
        Res user = admin.post("/api/v1/users", Map.of("username", username, "password", Fixtures.USER_PASSWORD,
                "displayName", "委员" + memberId, "roles", List.of("MEMBER"), "memberId", memberId));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new Person(memberId, username, admin.login(username, Fixtures.USER_PASSWORD));
    }

    /** The member's duty record once it satisfies the condition (events arrive after commit, asynchronously). */
    JsonNode recordWhen(long memberId, Predicate<JsonNode> items) {
        long until = System.currentTimeMillis() + 15_000;
        Res res;
        do {
            res = admin.get("/api/v1/members/" + memberId + "/duty-record");
            assertThat(res.status()).as(res.toString()).isEqualTo(200);
            if (items.test(res.json().path("items"))) {
                return res.json().path("items");
            }
            sleep();
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("duty record never matched: " + res);
    }

    static long count(JsonNode items, String kind) {
        long n = 0;
        for (JsonNode i : items) {
            if (i.path("kind").asString().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A multipart request with text fields and one file. */
    static Res multipart(Api api, String path, Map<String, String> fields, String filename, byte[] file) {
        String boundary = "----assessment" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> f = new HashMap<>(fields);
        f.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postRaw(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    static JsonNode resultOf(JsonNode run, long memberId) {
        for (JsonNode r : run.path("results")) {
            if (r.path("memberId").asLong() == memberId) {
                return r;
            }
        }
        return null;
    }
}
