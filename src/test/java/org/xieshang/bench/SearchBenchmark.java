package org.xieshang.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xieshang.XieshangApplication;
import org.xieshang.support.Api;
import org.xieshang.support.OpenSearchTestConfig;
import org.xieshang.support.SharedOpenSearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search and similar-case latency at scale, on PostgreSQL: generates N proposals (default
 * 1,000,000) from the labelled corpus's texts (districts, figures and sentence order varied),
 * bulk-loads them, measures mass-indexing throughput, then — after a warm-up of 100 of each —
 * the latency of the API's full-text search and of /similar through HTTP (median and p95). Not a
 * test: run it with
 *
 *   ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.xieshang.bench.SearchBenchmark -Dproposals=1000000
 *
 * (see docs/benchmarks.md for figures and the machine). {@code -Dbackend=opensearch} runs the
 * application on the OpenSearch backend instead of the local Lucene index: the real OpenSearch
 * 2.19 node the tests use, started in a JVM of its own ({@link SharedOpenSearch}; its heap
 * {@code -Dxieshang.opensearch.heap=2g}), with the settings of a cluster deployment.
 */
public final class SearchBenchmark {

    private static final String[] PLACES = {"北湖区", "南城区", "东江县", "西山区", "临湖县", "鼓楼区", "青石镇", "柳河镇",
        "桃源镇", "白沙镇", "城关街道", "东城街道", "龙泉乡", "新华区", "河西区", "高新区"};

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("proposals", 1_000_000);
        int queries = Integer.getInteger("queries", 300);
        boolean openSearch = "opensearch".equalsIgnoreCase(System.getProperty("backend", "lucene"));
        List<Map<String, String>> corpus = corpus();
        System.out.printf("backend %s, %,d proposals, load average %s%n", openSearch ? "OpenSearch" : "Lucene", n, loadAverage());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            ConfigurableApplicationContext app = start(pg, openSearch ? OpenSearchTestConfig.properties("bench-") : Map.of());
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = new Api(port).login("admin", "bench-admin-1");
                long sectorId = admin.post("/api/v1/sectors", Map.of("name", "经济界")).id();
                long termId = admin.post("/api/v1/terms", Map.of("name", "第十届", "startDate", "2022-01-01", "endDate", "2026-12-31")).id();
                long sessionId = admin.post("/api/v1/terms/" + termId + "/sessions",
                        Map.of("name", "第五次会议", "year", 2026, "startDate", "2026-01-10")).id();
                long unitId = admin.post("/api/v1/units", Map.of("name", "区发展和改革局", "type", "DEPARTMENT")).id();

                long t0 = System.nanoTime();
                load(app.getBean(DataSource.class), n, sessionId, unitId, corpus);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("loaded %,d proposals in %.1f s (%.0f rows/s)%n", n, loadSeconds, n / loadSeconds);

                index(admin);

                Random random = new Random(7);
                List<String> words = words(corpus, random);
                // warm-up (JIT, caches, index readers): not measured
                int warmup = Integer.getInteger("warmup", 100);
                for (int i = 0; i < warmup; i++) {
                    admin.get("/api/v1/proposals", Map.of("q", words.get(random.nextInt(words.size()))));
                    admin.get("/api/v1/proposals/" + (1 + random.nextInt(n)) + "/similar");
                }
                // a failed call (e.g. the cluster timing out on a busy machine) is counted and left out, not fatal
                List<Long> search = new ArrayList<>();
                int searchFailed = 0;
                for (int i = 0; i < queries; i++) {
                    Api.Res res = admin.get("/api/v1/proposals", Map.of("q", words.get(random.nextInt(words.size()))));
                    if (res.status() == 200) {
                        search.add(res.nanos());
                    } else {
                        searchFailed++;
                    }
                }
                List<Long> similar = new ArrayList<>();
                int similarFailed = 0;
                for (int i = 0; i < queries; i++) {
                    Api.Res res = admin.get("/api/v1/proposals/" + (1 + random.nextInt(n)) + "/similar");
                    if (res.status() == 200) {
                        similar.add(res.nanos());
                    } else {
                        similarFailed++;
                    }
                }
                System.out.println("search  (GET /api/v1/proposals?q=, " + queries + " queries): " + stats(search)
                        + ", failed " + searchFailed);
                System.out.println("similar (GET /api/v1/proposals/{id}/similar, " + queries + " calls): " + stats(similar)
                        + ", failed " + similarFailed);
                System.out.println("load average " + loadAverage());
            } finally {
                app.close();
            }
        }
    }

    /**
     * Rebuilds the search index through the API (the mass indexer) and waits for its end, printing the
     * rate every minute and the total; returns the seconds it took.
     */
    static double index(Api admin) throws InterruptedException {
        long t0 = System.nanoTime();
        Api.Res started = admin.post("/api/v1/search/index/rebuild", Map.of());
        if (started.status() / 100 != 2) {
            throw new IllegalStateException("index rebuild answered " + started);
        }
        JsonNode progress;
        long lastReport = System.nanoTime();
        do {
            Thread.sleep(2000);
            progress = admin.get("/api/v1/search/index/rebuild").json();
            if (System.nanoTime() - lastReport > 60e9) { // a run cut short still tells its rate
                lastReport = System.nanoTime();
                double s = (lastReport - t0) / 1e9;
                System.out.printf("  %,d documents indexed after %.0f s (%.0f docs/s), load average %s%n",
                        progress.path("indexed").asLong(), s, progress.path("indexed").asLong() / s, loadAverage());
            }
        } while (!progress.path("done").asBoolean());
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("indexed %,d documents in %.1f s (%.0f docs/s) %s; load average %s%n",
                progress.path("indexed").asLong(), indexSeconds, progress.path("indexed").asLong() / indexSeconds,
                progress.path("error").asString(""), loadAverage());
        return indexSeconds;
    }

    /** Search words: one 2–4 character piece of each corpus title (without 关于…的建议), so queries vary and hit. */
    static List<String> words(List<Map<String, String>> corpus, Random random) {
        List<String> words = new ArrayList<>();
        for (Map<String, String> item : corpus) {
            String title = item.get("title").replace("关于", "").replace("的建议", "");
            int start = random.nextInt(Math.max(1, title.length() - 4));
            words.add(title.substring(start, Math.min(title.length(), start + 2 + random.nextInt(3))));
        }
        return words;
    }

    /** The application on this database, on a free port, with a fresh data directory; admin's password bench-admin-1. */
    static ConfigurableApplicationContext start(EmbeddedPostgres pg) throws java.io.IOException {
        return start(pg, Map.of());
    }

    /** The same, with further settings (e.g. the OpenSearch backend's). */
    static ConfigurableApplicationContext start(EmbeddedPostgres pg, Map<String, Object> settings) throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("xieshang-bench");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--xieshang.data-dir=" + dataDir, "--xieshang.admin-password=bench-admin-1",
                "--logging.level.xieshang.request=warn", "--logging.level.org.hibernate.search=warn",
                "--xieshang.password.change-after-admin-set=false"));
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(XieshangApplication.class).run(args.toArray(String[]::new));
    }

    /** The machine's 1, 5 and 15 minute load averages (Linux), to mark figures taken on a busy machine. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no successful call";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p95 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    /**
     * Bulk-loads n cases with PostgreSQL's COPY (CSV streamed from the generator, committed every 50,000
     * rows so a long load shows progress in the database and the WAL stays bounded).
     */
    static void load(DataSource ds, int n, long sessionId, long unitId, List<Map<String, String>> corpus)
            throws Exception {
        Random random = new Random(42);
        String sql = "copy proposal (committee_id, session_id, number, number_seq, title, background, suggestions,"
                + " category, proposer_kind, during_plenary, status, lead_unit_id, reply_round, rehandled, is_key,"
                + " published, confidential, created_at, submitted_on, updated_at, access_members, access_units, version)"
                + " from stdin with (format csv)";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(1 << 20);
            for (int i = 1; i <= n; i++) {
                Map<String, String> t = corpus.get(random.nextInt(corpus.size()));
                String place = PLACES[random.nextInt(PLACES.length)];
                String title = vary(t.get("title"), place, random);
                String background = shuffle(vary(t.get("background"), place, random), random);
                String suggestions = vary(t.get("suggestions"), place, random);
                boolean assigned = random.nextBoolean();
                Instant created = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(random.nextInt(150_000_000));
                rows.append("1,").append(sessionId).append(',').append(String.format("第%07d号", i)).append(',').append(i)
                        .append(',').append(csv(title)).append(',').append(csv(background)).append(',')
                        .append(csv(suggestions)).append(',').append(csv(t.get("category")))
                        .append(",INDIVIDUAL,false,").append(assigned ? "ASSIGNED" : "FILED").append(',')
                        .append(assigned ? String.valueOf(unitId) : "") // unquoted empty: NULL
                        .append(",0,false,false,false,false,").append(created).append(',')
                        .append(LocalDate.ofInstant(created, java.time.ZoneOffset.UTC)).append(',').append(created)
                        .append(",\"\",\"").append(assigned ? String.valueOf(unitId) : "").append("\",0\n");
                if (i % 2000 == 0 || i == n) {
                    copy.copyIn(sql, new java.io.StringReader(rows.toString()));
                    rows.setLength(0);
                    if (i % 50_000 == 0 || i == n) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
    }

    /** A CSV field, quoted (a quoted empty string is '', not NULL). */
    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String vary(String text, String place, Random random) {
        String out = text;
        for (String p : PLACES) {
            out = out.replace(p, place);
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : out.toCharArray()) {
            sb.append(Character.isDigit(ch) && random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : ch);
        }
        return sb.toString();
    }

    private static String shuffle(String text, Random random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\n")));
        Collections.shuffle(paragraphs, random);
        return String.join("\n", paragraphs);
    }

    static List<Map<String, String>> corpus() throws Exception {
        try (InputStream in = SearchBenchmark.class.getResourceAsStream("/similarity/corpus.json")) {
            List<Map<String, String>> items = new ArrayList<>();
            for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
                items.add(Map.of("title", node.path("title").asString(), "background", node.path("background").asString(),
                        "suggestions", node.path("suggestions").asString(), "category", node.path("category").asString()));
            }
            return items;
        }
    }
}
