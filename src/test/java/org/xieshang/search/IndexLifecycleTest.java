package org.xieshang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xieshang.XieshangApplication;
import org.xieshang.support.Api;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;

/** The index lives on disk under the data directory: it survives a restart, and is rebuilt when deleted. */
class IndexLifecycleTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(XieshangApplication.class).run(
                "--server.port=0", "--xieshang.data-dir=" + dataDir, "--xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD,
                "--xieshang.demo=false", "--logging.level.xieshang.request=warn",
                // users made by the admin here sign in at once (no forced password change)
                "--xieshang.password.change-after-admin-set=false");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(port).login("admin", TestSupport.ADMIN_PASSWORD);
    }

    private static int hits(Api staff, String q) {
        return staff.get("/api/v1/proposals", Map.of("q", q)).json().path("total").asInt();
    }

    @Test
    void indexSurvivesARestartAndIsRebuiltWhenDeleted() throws Exception {
        Api.Res created;
        try (ConfigurableApplicationContext first = start()) {
            Api admin = api(first);
            Committee c = new Committee(admin, 1, 1);
            Api member = c.member(0);
            Map<String, Object> draft = new java.util.HashMap<>(c.draft("关于规范共享单车停放秩序的建议", List.of()));
            created = member.post("/api/v1/proposals", draft);
            assertThat(created.status()).isEqualTo(201);
            assertThat(member.post("/api/v1/proposals/" + created.id() + "/submit", Map.of()).status()).isEqualTo(200);
            assertThat(hits(admin, "共享单车")).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(hits(api(second), "共享单车")).as("after a restart").isEqualTo(1);
        }
        Path index = dataDir.resolve("index");
        try (Stream<Path> files = Files.walk(index)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (ConfigurableApplicationContext third = start()) {
            Api admin = api(third);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (hits(admin, "共享单车") == 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
                Thread.sleep(200);
            }
            assertThat(hits(admin, "共享单车")).as("rebuilt after the index was deleted").isEqualTo(1);
            assertThat(admin.get("/api/v1/search/index/rebuild").json().path("done").asBoolean()).isTrue();
        }
    }
}
