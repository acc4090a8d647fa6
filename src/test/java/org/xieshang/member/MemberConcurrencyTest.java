package org.xieshang.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import tools.jackson.databind.JsonNode;

/** Parallel PATCHes of one member: one winner per version, never a 500, never a lost update. */
class MemberConcurrencyTest extends ApiTestBase {

    private static final int THREADS = 8;

    @Test
    void patchesCarryingTheSameVersionHaveExactlyOneWinner() throws Exception {
        long id = Fixtures.member(admin, Fixtures.sector(admin));
        long version = admin.get("/api/v1/members/" + id).json().path("version").asLong();

        List<Res> answers = parallel(i -> admin.patch("/api/v1/members/" + id,
                Map.of("title", "职务" + i, "version", version)));

        assertThat(answers).extracting(Res::status).as("%s", answers).containsOnly(200, 409)
                .filteredOn(s -> s == 200).hasSize(1);
        Res winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        answers.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.get("detail")).isNotBlank();
        });
        Res now = admin.get("/api/v1/members/" + id);
        assertThat(now.get("title")).isEqualTo(winner.get("title"));
        assertThat(now.json().path("version").asLong()).isEqualTo(version + 1);
        // the winner's change is the only one recorded
        List<JsonNode> updates = admin.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", id))
                .json().path("items").values().stream().filter(e -> e.path("action").asString().equals("UPDATE")).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("changes").asString()).contains(winner.get("title"));
    }

    @Test
    void patchesWithoutAVersionNeverLoseAnUpdate() throws Exception {
        long id = Fixtures.member(admin, Fixtures.sector(admin));
        // each thread changes a different field: whatever succeeded must still be there afterwards
        String[] fields = {"title", "workUnit", "party", "ethnicity", "email", "phone", "name", "birthDate"};
        String[] values = {"主任委员", "区第二中学", "中国民主促进会", "满族", "m@example.cn", "13912345678", "新名字" + id,
                "1966-06-06"};

        List<Res> answers = parallel(i -> admin.patch("/api/v1/members/" + id, Map.of(fields[i], values[i])));

        assertThat(answers).extracting(Res::status).as("%s", answers).containsOnly(200, 409).contains(200);
        Res now = admin.get("/api/v1/members/" + id);
        int succeeded = 0;
        for (int i = 0; i < THREADS; i++) {
            if (answers.get(i).status() == 200) {
                succeeded++;
                assertThat(now.get(fields[i])).as("change of %s answered 200 but was lost", fields[i]).isEqualTo(values[i]);
            } else {
                assertThat(now.get(fields[i])).as("change of %s answered 409 but was applied", fields[i]).isNotEqualTo(values[i]);
            }
        }
        long updates = admin.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", id))
                .json().path("items").values().stream().filter(e -> e.path("action").asString().equals("UPDATE")).count();
        assertThat(updates).isEqualTo(succeeded);
    }

    @Test
    void aStaleVersionIsRefused() {
        long id = Fixtures.member(admin, Fixtures.sector(admin));
        long version = admin.get("/api/v1/members/" + id).json().path("version").asLong();
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("title", "一", "version", version)).status()).isEqualTo(200);
        Res stale = admin.patch("/api/v1/members/" + id, Map.of("title", "二", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(admin.lang("en").patch("/api/v1/members/" + id, Map.of("title", "二", "version", version)).get("detail"))
                .containsIgnoringCase("changed");
        assertThat(admin.get("/api/v1/members/" + id).get("title")).isEqualTo("一");
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("title", "三", "version", version + 1)).status()).isEqualTo(200);
    }

    private static List<Res> parallel(IntFunction<Res> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Res>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Res> answers = new ArrayList<>();
            for (Future<Res> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
