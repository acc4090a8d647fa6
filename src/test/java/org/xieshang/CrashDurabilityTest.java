package org.xieshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;

/**
 * No acknowledged write is lost on the default store (issue 14, finding 4): the application runs as a real process
 * on its default embedded H2 file database, several clients create and submit proposals, the process is killed
 * with SIGKILL while they write, and after a restart on the same data directory every write that was answered
 * 201/200 is there, unchanged, and no id was handed out twice.
 *
 * <p>Runs the application from the test class path (target/classes and the dependencies), as {@code java -cp}.
 * Set {@code -Dcrash.datasource-url=...} to try another database URL (e.g. the old one without
 * {@code WRITE_DELAY=0}, which loses writes).
 */
class CrashDurabilityTest {

    private static final String ADMIN_PASSWORD = TestSupport.ADMIN_PASSWORD;
    private static final int CLIENTS = 4;
    /** Acknowledged writes after which the process may be killed (the assertion below asks for more than 20). */
    private static final int ENOUGH_WRITES = 200;

    private record Written(long id, int client, String title, boolean submitted) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        Path data = Files.createTempDirectory("xieshang-crash-");
        int port = freePort();
        Process app = start(data, port, "first");
        Map<Long, Written> acknowledged = new ConcurrentHashMap<>();
        List<Api> members = new ArrayList<>();
        try {
            Api admin = signIn(port);
            Committee c = new Committee(admin, 0, CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                members.add(c.member(i));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                Api member = members.get(i);
                int client = i;
                pool.execute(() -> {
                    int n = 0;
                    while (writing.get()) {
                        try {
                            String title = "关于第" + client + "-" + (n++) + "号持久性测试的建议";
                            Api.Res created = member.post("/api/v1/proposals", c.draft(title, List.of()));
                            if (created.status() != 201) {
                                continue;
                            }
                            long id = created.id();
                            acknowledged.put(id, new Written(id, client, title, false));
                            if (n % 2 == 0) {
                                Api.Res submitted = member.post("/api/v1/proposals/" + id + "/submit", Map.of());
                                if (submitted.status() == 200) {
                                    acknowledged.put(id, new Written(id, client, title, true));
                                }
                            }
                        } catch (RuntimeException connectionGone) {
                            // the process died mid-request: that request was never acknowledged
                        }
                    }
                });
            }
            // kill once enough writes are acknowledged and the clients have written for some seconds (many times
            // H2's former 500 ms write delay, the loss this guards against), at most crash.write-seconds
            long started = System.nanoTime();
            long most = Duration.ofSeconds(Long.getLong("crash.write-seconds", 12)).toNanos();
            long least = Duration.ofSeconds(Long.getLong("crash.min-write-seconds", 4)).toNanos();
            while (System.nanoTime() - started < most
                    && (acknowledged.size() < ENOUGH_WRITES || System.nanoTime() - started < least)) {
                Thread.sleep(100);
            }
            System.out.printf("killing after %.1f s of writing, %d writes acknowledged%n",
                    (System.nanoTime() - started) / 1e9, acknowledged.size());
            app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            app.waitFor(30, TimeUnit.SECONDS);
            writing.set(false);
            pool.shutdown();
            pool.awaitTermination(90, TimeUnit.SECONDS);
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(20);

        Process again = start(data, port, "second");
        try {
            int lost = 0;
            List<String> missing = new ArrayList<>();
            for (Written w : acknowledged.values()) {
                // read by its proposer, with the token issued before the kill (an acknowledged write too)
                Api.Res res = members.get(w.client()).get("/api/v1/proposals/" + w.id());
                boolean there = res.status() == 200 && res.get("title").equals(w.title())
                        && (!w.submitted() || !"DRAFT".equals(res.get("status")));
                if (!there) {
                    lost++;
                    missing.add(w + " -> " + res.status());
                }
            }
            long writes = acknowledged.size() + acknowledged.values().stream().filter(Written::submitted).count();
            System.out.println(writes + " acknowledged writes, " + lost + " lost after kill -9");
            assertThat(missing).as("acknowledged writes lost after kill -9").isEmpty();
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            if (again.isAlive()) {
                again.destroyForcibly();
            }
        }
    }

    private static Process start(Path data, int port, String name) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "org.xieshang.XieshangApplication",
                "--server.port=" + port,
                "--xieshang.data-dir=" + data,
                "--xieshang.admin-password=" + ADMIN_PASSWORD,
                "--xieshang.demo=false",
                "--xieshang.password.change-after-admin-set=false",
                "--xieshang.login.max-failures-per-address=100000",
                "--db-scheduler.polling-interval=10s",
                "--logging.level.root=warn"));
        String url = System.getProperty("crash.datasource-url");
        if (url != null) {
            command.add("--spring.datasource.url=" + url.replace("${data}", data.toString()));
        }
        File log = data.resolve(name + ".log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("crash.start-seconds", 240)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the application ended on start: " + Files.readString(log.toPath()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new AssertionError("the application did not start in time: " + Files.readString(log.toPath()));
    }

    /** The first start creates the committee and its admin once the server is up: wait for it. */
    private static Api signIn(int port) throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return new Api(port).login("admin", ADMIN_PASSWORD);
            } catch (AssertionError notYet) {
                if (i > 120) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
