package org.xieshang.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * A load driver for the main pages and API reads: the application on embedded PostgreSQL with N
 * generated cases, C signed-in clients in parallel, each requesting every page R times in turn.
 *
 * <pre>
 *   ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.xieshang.bench.PageBenchmark -Dproposals=100000 -Dclients=8 -Drounds=50
 * </pre>
 */
public final class PageBenchmark {

    /** One user at the keyboard: a browser session for the pages, a token for the API. */
    private record Client(PageClient pages, Api api) {
        int get(String path) {
            return path.startsWith("/api/") ? api.get(path).status() : pages.get(path).status();
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("proposals", 100_000);
        int clients = Integer.getInteger("clients", 8);
        int rounds = Integer.getInteger("rounds", 50);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            ConfigurableApplicationContext app = SearchBenchmark.start(pg);
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = new Api(port).login("admin", "bench-admin-1");
                long sectorId = admin.post("/api/v1/sectors", Map.of("name", "经济界")).id();
                long termId = admin.post("/api/v1/terms", Map.of("name", "第十届", "startDate", "2022-01-01",
                        "endDate", "2026-12-31")).id();
                long sessionId = admin.post("/api/v1/terms/" + termId + "/sessions",
                        Map.of("name", "第五次会议", "year", 2026, "startDate", "2026-01-10")).id();
                long unitId = admin.post("/api/v1/units", Map.of("name", "区发展和改革局", "type", "DEPARTMENT")).id();
                admin.post("/api/v1/members", Map.of("name", "基准委员", "gender", "MALE", "sectorId", sectorId));
                SearchBenchmark.load(app.getBean(DataSource.class), n, sessionId, unitId, SearchBenchmark.corpus());
                // written behind the application's back: the statistics read model is rebuilt from the rows
                app.getBean(org.xieshang.proposal.internal.provided.CaseFigureModel.class).rebuild();
                admin.post("/api/v1/search/index/rebuild", Map.of());
                JsonNode progress;
                do {
                    Thread.sleep(2000);
                    progress = admin.get("/api/v1/search/index/rebuild").json();
                } while (!progress.path("done").asBoolean());
                System.out.printf("%,d cases loaded and indexed%n", n);

                List<String> pages = List.of("/", "/proposals/all", "/proposals/" + (n / 2), "/key-proposals", "/bulletins",
                        "/follow-ups", "/search/results?q=" + java.net.URLEncoder.encode("养老", java.nio.charset.StandardCharsets.UTF_8),
                        "/stats", "/public/proposals", "/api/v1/proposals?size=20", "/api/v1/proposals/stats?year=2026");
                // pages with a signed-in session, the API with a bearer token, as their users call them
                List<Client> sessions = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    sessions.add(new Client(new PageClient(port).signIn("admin", "bench-admin-1"),
                            new Api(port).login("admin", "bench-admin-1")));
                }
                // warm-up (JIT, caches, index readers), and every page must answer 200
                for (String page : pages) {
                    for (int i = 0; i < 20; i++) {
                        int status = sessions.get(0).get(page);
                        if (status != 200) {
                            throw new IllegalStateException(page + " answered " + status);
                        }
                    }
                }
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
                pages.forEach(p -> times.put(p, Collections.synchronizedList(new ArrayList<>())));
                long t0 = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (Client session : sessions) {
                    running.add(pool.submit(() -> {
                        for (int r = 0; r < rounds; r++) {
                            for (String page : pages) {
                                long s = System.nanoTime();
                                int status = session.get(page);
                                long took = System.nanoTime() - s;
                                if (status != 200) {
                                    throw new IllegalStateException(page + " answered " + status);
                                }
                                times.get(page).add(took);
                            }
                        }
                        return null;
                    }));
                }
                try {
                    for (Future<?> f : running) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long requests = (long) clients * rounds * pages.size();
                System.out.printf("%d clients x %d rounds x %d pages: %,d requests in %.1f s, %.0f requests/s%n",
                        clients, rounds, pages.size(), requests, seconds, requests / seconds);
                times.forEach((page, t) -> System.out.println(page + ": " + SearchBenchmark.stats(t)));
            } finally {
                app.close();
            }
        }
    }
}
