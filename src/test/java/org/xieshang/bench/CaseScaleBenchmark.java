package org.xieshang.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;

/**
 * Issue 16's load driver: the application on embedded PostgreSQL with N bulk-loaded cases (default
 * 1,000,000; half filed, half assigned to one unit; every case with a lead proposer among 2,000
 * members, one of whom — the signed-in member — has N/50,000 cases), then for each endpoint a closed
 * loop of 1 client and of 16 clients for a fixed time, printed as one table (req/s, p50/p95/p99)
 * beside yardsticks measured in the same run: {@code pgbench -S} against the same server (when
 * installed), a JDBC select-only loop ({@code select 1 from proposal where id=?}, prepared, in this JVM)
 * and a static HTTP server sending the staff list's bytes (an
 * embedded Tomcat with TCP_NODELAY answering from one servlet, asked through the same client as the
 * other rows). The search index is built by the mass indexer as in {@link SearchBenchmark} for the
 * search and similar rows; {@code -Dsearch=false} skips it (minutes at 1,000,000). One command:
 *
 * <pre>
 *   ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.xieshang.bench.CaseScaleBenchmark -Dproposals=1000000 -Dseconds=10
 * </pre>
 * {@code -Donly=case,me} keeps the rows whose name contains one of the words; {@code -Dclients=16} the
 * second row's clients.
 */
public final class CaseScaleBenchmark {

    private static final int MEMBERS = 2000;

    /** One measured thing: a request that answers its status (200 expected). */
    private record Probe(String name, IntSupplier call) {
    }

    private record Result(String name, int clients, long requests, double seconds, List<Long> nanos, long errors) {
        String row() {
            List<Long> s = new ArrayList<>(nanos);
            Collections.sort(s);
            return String.format("| %s | %d | %,.1f | %.1f | %.1f | %.1f | %,d | %d |", name, clients, requests / seconds,
                    pct(s, 0.50), pct(s, 0.95), pct(s, 0.99), requests, errors);
        }

        private static double pct(List<Long> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
        }
    }

    /** {@code -Donly=case,me}: only the rows whose name contains one of these words (all by default). */
    private static boolean only(String name) {
        String only = System.getProperty("only", "");
        return only.isBlank() || java.util.Arrays.stream(only.split(",")).anyMatch(w -> name.contains(w.strip()));
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("proposals", 1_000_000);
        int seconds = Integer.getInteger("seconds", 10);
        int many = Integer.getInteger("clients", 16);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
        if (Boolean.getBoolean("statements")) { // -Dstatements=true: SQL statements per request (pg_stat_statements)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres pg = builder.start()) {
            // the static yardstick's Tomcat warns at its stop that it cannot clear JDBC drivers from exec:java's class loader
            ConfigurableApplicationContext app = SearchBenchmark.start(pg,
                    Map.of("logging.level.org.apache.catalina.loader.WebappClassLoaderBase", "error"));
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = new Api(port).login("admin", "bench-admin-1");
                long sectorId = admin.post("/api/v1/sectors", Map.of("name", "经济界")).id();
                long termId = admin.post("/api/v1/terms", Map.of("name", "第十届", "startDate", "2022-01-01",
                        "endDate", "2026-12-31")).id();
                long sessionId = admin.post("/api/v1/terms/" + termId + "/sessions",
                        Map.of("name", "第五次会议", "year", 2026, "startDate", "2026-01-10")).id();
                long unitId = admin.post("/api/v1/units", Map.of("name", "区发展和改革局", "type", "DEPARTMENT")).id();
                long memberId = admin.post("/api/v1/members", Map.of("name", "基准委员", "gender", "MALE",
                        "sectorId", sectorId)).id();
                String password = "Bench-user-2026";
                check(admin.post("/api/v1/users", Map.of("username", "bmember", "password", password,
                        "displayName", "基准委员", "roles", List.of("MEMBER"), "memberId", memberId)).status(), "member user");
                check(admin.post("/api/v1/users", Map.of("username", "bhandler", "password", password,
                        "displayName", "基准承办员", "roles", List.of("UNIT_HANDLER"), "unitId", unitId)).status(), "unit user");

                long t0 = System.nanoTime();
                DataSource ds = app.getBean(DataSource.class);
                postmaster = postmaster(ds);
                if (Boolean.getBoolean("statements")) {
                    statements = ds;
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        st.execute("create extension if not exists pg_stat_statements");
                    }
                }
                List<Map<String, String>> corpus = SearchBenchmark.corpus();
                SearchBenchmark.load(ds, n, sessionId, unitId, corpus);
                proposers(ds, memberId);
                System.out.printf("loaded %,d cases with their proposers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
                // the rows were written behind the application's back: the statistics read model is rebuilt from them
                long r0 = System.nanoTime();
                app.getBean(org.xieshang.proposal.internal.provided.CaseFigureModel.class).rebuild();
                System.out.printf("statistics read model rebuilt in %.1f s%n", (System.nanoTime() - r0) / 1e9);

                boolean search = Boolean.parseBoolean(System.getProperty("search", "true"));
                if (search) { // the mass indexer over the loaded cases, as SearchBenchmark does; it prints its time
                    SearchBenchmark.index(admin);
                }
                List<String> words = SearchBenchmark.words(corpus, new Random(7));

                Api member = new Api(port).login("bmember", password);
                Api handler = new Api(port).login("bhandler", password);
                PageClient page = new PageClient(port).signIn("admin", "bench-admin-1");
                explain(ds, unitId, memberId);
                // a client walking the list: page 2 by the first page's nextCursor (absent before issue 16's cursor)
                String next = admin.get("/api/v1/proposals?size=20").json().path("nextCursor").asString(null);
                String page2 = next == null ? "/api/v1/proposals?size=20&page=1" : "/api/v1/proposals?size=20&cursor=" + next;
                // the driver's client: RawHttp (lean, as pgbench's own), or -Dclient=jdk for the JDK's HttpClient
                boolean jdk = "jdk".equals(System.getProperty("client", "raw"));
                RawHttp rawAdmin = new RawHttp(port, "Authorization: Bearer " + admin.token(), "Accept: application/json");
                RawHttp rawHandler = new RawHttp(port, "Authorization: Bearer " + handler.token(), "Accept: application/json");
                RawHttp rawMember = new RawHttp(port, "Authorization: Bearer " + member.token(), "Accept: application/json");
                RawHttp rawPage = new RawHttp(port, "Cookie: " + page.cookieHeader(), "Accept: text/html");
                java.util.function.ToIntFunction<String> asAdmin = jdk ? p -> admin.get(p).status() : rawAdmin::status;
                java.util.function.ToIntFunction<String> asHandler = jdk ? p -> handler.get(p).status() : rawHandler::status;
                java.util.function.ToIntFunction<String> asMember = jdk ? p -> member.get(p).status() : rawMember::status;
                java.util.function.ToIntFunction<String> asPage = jdk ? p -> page.get(p).status() : rawPage::status;
                List<Probe> probes = java.util.stream.Stream.of(
                        new Probe("staff list `GET /api/v1/proposals?size=20`", () -> asAdmin.applyAsInt("/api/v1/proposals?size=20")),
                        new Probe("staff list, page 2 via `nextCursor`", () -> asAdmin.applyAsInt(page2)),
                        new Probe("staff list, page 50", () -> asAdmin.applyAsInt("/api/v1/proposals?size=20&page=50")),
                        new Probe("staff list, status=ASSIGNED", () -> asAdmin.applyAsInt("/api/v1/proposals?size=20&status=ASSIGNED")),
                        new Probe("unit's list (handler)", () -> asHandler.applyAsInt("/api/v1/proposals?size=20")),
                        new Probe("member's own list `mine=true`", () -> asMember.applyAsInt("/api/v1/proposals?size=20&mine=true")),
                        new Probe("one case `GET /api/v1/proposals/{id}`",
                                () -> asAdmin.applyAsInt("/api/v1/proposals/" + (1 + ThreadLocalRandom.current().nextInt(n)))),
                        new Probe("search `GET /api/v1/proposals?q=` (staff, varied words)", () -> asAdmin.applyAsInt(
                                "/api/v1/proposals?q=" + java.net.URLEncoder.encode(words.get(ThreadLocalRandom.current()
                                        .nextInt(words.size())), java.nio.charset.StandardCharsets.UTF_8))),
                        new Probe("similar `GET /api/v1/proposals/{id}/similar`", () -> asAdmin.applyAsInt("/api/v1/proposals/"
                                + (1 + ThreadLocalRandom.current().nextInt(n)) + "/similar")),
                        new Probe("stats of a year `GET /api/v1/proposals/stats?year=2026`",
                                () -> asAdmin.applyAsInt("/api/v1/proposals/stats?year=2026")),
                        new Probe("page `/proposals/all` (session)", () -> asPage.applyAsInt("/proposals/all")),
                        new Probe("page `/stats` (session)", () -> asPage.applyAsInt("/stats")),
                        new Probe("who am I `GET /api/v1/me`", () -> asAdmin.applyAsInt("/api/v1/me")),
                        new Probe("page of one case `/proposals/{id}` (session)",
                                () -> asPage.applyAsInt("/proposals/" + (1 + ThreadLocalRandom.current().nextInt(n)))),
                        // the first row again through the JDK's HttpClient: what the lean client changes
                        new Probe("staff list through the JDK's HttpClient", () -> admin.get("/api/v1/proposals?size=20").status()))
                        .filter(p -> !jdk || !p.name().contains("JDK"))
                        .filter(p -> only(p.name()))
                        .filter(p -> search || !(p.name().startsWith("search") || p.name().startsWith("similar"))).toList();

                List<Result> results = new ArrayList<>();
                for (Probe probe : probes) {
                    for (int i = 0; i < Integer.getInteger("warmup", 5); i++) { // each must answer 200
                        check(probe.call().getAsInt(), probe.name());
                    }
                }
                // The warm-up: every probe under the full number of clients before any row is measured, so that
                // the rows measure the steady state of a server with mixed traffic. Without it the first rows
                // measured the JIT at work: C2 recompiling the server's paths (hundreds of methods made not
                // entrant as the pools and queues first met 16 clients) cost up to 0.6 ms of CPU per request.
                int warmupSeconds = Integer.getInteger("warmupSeconds", 4);
                long w0 = System.nanoTime();
                for (int pass = 0; warmupSeconds > 0 && pass < 2; pass++) {
                    for (Probe probe : probes) {
                        loop(pass == 0 ? many : 1, warmupSeconds, () -> probe.call().getAsInt());
                    }
                }
                System.out.printf("warm-up: every probe %d s under %d clients, then %d s under 1, in %.0f s%n", warmupSeconds,
                        many, warmupSeconds, (System.nanoTime() - w0) / 1e9);
                for (Probe probe : probes) {
                    results.add(run(probe.name(), 1, seconds, () -> probe.call().getAsInt()));
                    results.add(run(probe.name(), many, seconds, () -> probe.call().getAsInt()));
                }
                // the yardsticks, same run: database round trips, and an HTTP server doing nothing but send bytes
                String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
                ThreadLocal<PreparedStatement> select = ThreadLocal.withInitial(() -> {
                    try {
                        return DriverManager.getConnection(jdbcUrl).prepareStatement("select 1 from proposal where id = ?");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                IntSupplier selectOne = () -> {
                    try {
                        PreparedStatement ps = select.get();
                        ps.setLong(1, 1 + ThreadLocalRandom.current().nextInt(n));
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? 200 : 404;
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                loop(many, Math.max(1, warmupSeconds), selectOne);
                results.add(run("JDBC select-only loop (prepared, in this JVM)", 1, seconds, selectOne));
                results.add(run("JDBC select-only loop (prepared, in this JVM)", many, seconds, selectOne));
                List<String> pgbenchRows = pgbench(pg.getPort(), seconds, many);
                byte[] bytes = admin.get("/api/v1/proposals?size=20").body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                try (StaticServer server = new StaticServer(bytes)) {
                    Api staticJdk = new Api(server.port());
                    RawHttp staticRaw = new RawHttp(server.port()); // the same client as the application's rows
                    IntSupplier staticGet = jdk ? () -> staticJdk.get("/list").status() : () -> staticRaw.status("/list");
                    check(staticGet.getAsInt(), "static server");
                    loop(many, Math.max(1, warmupSeconds), staticGet); // warm-up of both ends, as the probes had
                    results.add(run("static server, the list's " + bytes.length + " bytes", 1, seconds, staticGet));
                    results.add(run("static server, the list's " + bytes.length + " bytes", many, seconds, staticGet));
                }

                System.out.printf("%n%,d cases, %d s per row, load average at the end: %s%n", n, seconds,
                        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
                System.out.println("| what | clients | req/s | p50 ms | p95 ms | p99 ms | requests | errors |");
                System.out.println("|---|---|---|---|---|---|---|---|");
                results.forEach(r -> System.out.println(r.row()));
                pgbenchRows.forEach(System.out::println);
                Runtime rt = Runtime.getRuntime();
                System.out.printf("heap used %,d MiB of %,d MiB max (driver and application share this JVM)%n",
                        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            } finally {
                app.close();
            }
        }
    }

    /**
     * EXPLAIN of the list's sub-queries as Hibernate issues them (hand-written equivalents of CappedLists'
     * per-branch reads: the committee filter, the branch, the order and the limit), printed for docs/perf.md.
     */
    static void explain(DataSource ds, long unitId, long memberId) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long committee;
            try (ResultSet rs = st.executeQuery("select committee_id from proposal limit 1")) {
                rs.next();
                committee = rs.getLong(1);
            }
            String cursor;
            try (ResultSet rs = st.executeQuery("select created_at, id from proposal order by created_at desc, id desc offset 19 limit 1")) {
                rs.next();
                cursor = "'" + rs.getTimestamp(1).toInstant() + "'::timestamptz";
                cursor = "p.created_at <= " + cursor + " and (p.created_at < " + cursor + " or p.id < " + rs.getLong(2) + ")";
            }
            String order = " order by p.created_at desc, p.id desc limit 21";
            String all = "p.status <> 'DRAFT' and (p.status <> 'WITHDRAWN' or p.submitted_on is not null)";
            Map<String, String> queries = new java.util.LinkedHashMap<>();
            queries.put("staff: all cases but drafts", all);
            queries.put("staff: page 2 by cursor", all + " and " + cursor);
            queries.put("staff: status=ASSIGNED", "p.status = 'ASSIGNED' and " + all);
            queries.put("anyone: published", "p.published");
            queries.put("unit: lead unit", "p.lead_unit_id = " + unitId);
            queries.put("unit: co-unit", "p.id in (select u.proposal_id from proposal_co_unit u where u.committee_id = "
                    + committee + " and u.unit_id = " + unitId + ")");
            queries.put("member: proposer (mine=true)", "p.id in (select x.proposal_id from proposal_proposer x where x.committee_id = "
                    + committee + " and x.member_id = " + memberId + ")");
            queries.put("count: ids of up to 10,001", null);
            for (var q : queries.entrySet()) {
                String sql = q.getValue() == null
                        ? "select p.id from proposal p where p.committee_id = " + committee + " and " + all + " limit 10001"
                        : "select p.created_at, p.id from proposal p where p.committee_id = " + committee + " and " + q.getValue() + order;
                System.out.println("EXPLAIN " + q.getKey() + ":");
                try (ResultSet rs = st.executeQuery("explain (analyze, costs off, timing off, summary on) " + sql)) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
            }
        }
    }

    /**
     * The issue's yardstick itself: PostgreSQL's {@code pgbench -S} (select-only, its default simple
     * protocol) against the same server, scale 10 (1,000,000 accounts), with 1 and {@code clients}
     * clients on 2 threads, as table rows (req/s = tps; its latency average in the p50 column, pgbench
     * prints no percentiles). Empty when no pgbench is installed (Debian: postgresql-15 or
     * postgresql-client); the JDBC loop above is then the only database yardstick.
     */
    static List<String> pgbench(int port, int seconds, int clients) throws Exception {
        java.nio.file.Path bin = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> java.nio.file.Path.of(d, "pgbench")),
                        java.util.stream.Stream.of(java.nio.file.Path.of("/usr/lib/postgresql"))
                                .filter(java.nio.file.Files::isDirectory)
                                .flatMap(d -> { try (var l = java.nio.file.Files.list(d)) { return l.toList().stream(); }
                                                catch (java.io.IOException e) { return java.util.stream.Stream.empty(); } })
                                .map(d -> d.resolve("bin/pgbench")))
                .filter(java.nio.file.Files::isExecutable).findFirst().orElse(null);
        if (bin == null) {
            System.out.println("pgbench not found: its rows are left out");
            return List.of();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("drop database if exists pgbench");
            st.execute("create database pgbench");
        }
        String[] conn = {"-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"};
        pgbenchRun(bin, conn, "-i", "-q", "-s", "10", "pgbench");
        List<String> rows = new ArrayList<>();
        for (int c : new int[] {1, clients}) {
            String out = pgbenchRun(bin, conn, "-S", "-n", "-c", String.valueOf(c), "-j", String.valueOf(Math.min(c, 2)),
                    "-T", String.valueOf(seconds), "pgbench");
            java.util.regex.Matcher tps = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
            java.util.regex.Matcher lat = java.util.regex.Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
            java.util.regex.Matcher tx = java.util.regex.Pattern.compile("transactions actually processed: ([0-9]+)").matcher(out);
            if (!tps.find() || !lat.find() || !tx.find()) {
                throw new IllegalStateException("pgbench printed no figures:\n" + out);
            }
            rows.add(String.format("| pgbench -S (simple protocol, scale 10) | %d | %,.1f | %s (avg) | | | %,d | 0 |", c,
                    Double.parseDouble(tps.group(1)), lat.group(1), Long.parseLong(tx.group(1))));
        }
        return rows;
    }

    private static String pgbenchRun(java.nio.file.Path bin, String[] conn, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(conn));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    /** Every case gets a lead proposer: 2,000 members in turn, and the signed-in member one case in 50,000. */
    static void proposers(DataSource ds, long memberId) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select column_name from information_schema.columns where table_name = 'member'"
                    + " and column_name <> 'id' order by ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String list = String.join(", ", columns);
            String copied = String.join(", ", columns.stream().map(col -> col.equals("name") ? "name || '-' || g" : col).toList());
            // copies of the member made through the API (same sector, status, roles), names numbered
            st.executeUpdate("insert into member (" + list + ") select " + copied
                    + " from member, generate_series(1, " + MEMBERS + ") g where id = " + memberId);
            long first;
            try (ResultSet rs = st.executeQuery("select min(id) from member where id > " + memberId)) {
                rs.next();
                first = rs.getLong(1);
            }
            st.executeUpdate("insert into proposal_proposer (committee_id, proposal_id, member_id, role, confirmation, version)"
                    + " select committee_id, id, case when id % 50000 = 0 then " + memberId + " else " + first + " + id % "
                    + MEMBERS + " end, 'LEAD', 'ACCEPTED', 0 from proposal");
            st.execute("vacuum analyze proposal");
            st.execute("vacuum analyze proposal_proposer");
            st.execute("analyze member");
        }
    }

    private static void check(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + " answered " + status);
        }
    }

    /** With {@code -Dstatements=true}: the database whose pg_stat_statements {@link #run} prints per request. */
    private static DataSource statements;

    private static void resetStatements() throws java.sql.SQLException {
        if (statements != null) {
            try (Connection c = statements.getConnection(); Statement st = c.createStatement()) {
                st.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** The statements run since the reset, as calls per request (the busiest first), and their sum. */
    private static void printStatements(String name, int clients, long requests) throws java.sql.SQLException {
        if (statements == null || requests == 0) {
            return;
        }
        try (Connection c = statements.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select calls, total_exec_time, total_plan_time, query from pg_stat_statements"
                     + " where query not like '%pg_stat_statements%' order by calls desc")) {
            double all = 0;
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                double perRequest = rs.getLong(1) / (double) requests;
                all += perRequest;
                if (perRequest >= 0.01) {
                    rows.append(String.format("    %.2f per request, %.3f ms exec per call | %s%n", perRequest,
                            rs.getDouble(2) / Math.max(1, rs.getLong(1)), rs.getString(4).replaceAll("\\s+", " ")));
                }
            }
            System.out.printf("statements | %s | %d | %.2f per request%n%s", name, clients, all, rows);
        }
    }

    /** The database server's process (the parent of a connection's backend), for {@link #cpuSeconds}; -1 if unknown. */
    private static long postmaster = -1;

    private static long postmaster(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        } catch (Exception notLinux) {
            return -1;
        }
    }

    /**
     * CPU seconds used so far by this JVM (the application and the driver's clients) and by the
     * database's processes (Linux /proc: the server, its live backends and those that ended), and by
     * the server's request threads (the request's own work). CPU per
     * request, unlike req/s, hardly depends on what else the machine runs (docs/reqcost.md).
     */
    static double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        // the server's request threads alone: the request's own work, without the JIT, the collector or the clients
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double served = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("http-nio-") && t.getThreadName().contains("-exec-")) {
                served += Math.max(0, threads.getThreadCpuTime(t.getThreadId())) / 1e9;
            }
        }
        double db = 0;
        if (postmaster > 0) {
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path dir : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(dir.getFileName().toString());
                        // f[1] ppid, f[11..14] utime stime cutime cstime (clock ticks of 1/100 s)
                        if (pid == postmaster) {
                            db += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
                        } else if (Long.parseLong(f[1]) == postmaster) {
                            db += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (java.io.IOException notLinux) {
                db = Double.NaN;
            }
        }
        return new double[] {jvm, db, served};
    }

    /**
     * CPU seconds of this JVM's threads so far, by kind (Linux /proc/self/task: the kernel's thread names,
     * digits folded, so "GC Thread#0" and "GC Thread#1" add up): request threads, the driver's clients,
     * the collector, the JIT, Tomcat's poller, Hikari... Threads that ended meanwhile are not counted.
     */
    static Map<String, Double> threadKinds() {
        Map<String, Double> kinds = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path dir : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    kinds.merge(comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException notLinux) {
            return Map.of();
        }
        return kinds;
    }

    /** With {@code -Dthreads=true}: the JVM's CPU per request by kind of thread between two {@link #threadKinds}. */
    private static void printThreadKinds(String name, int clients, long requests, Map<String, Double> before,
                                         Map<String, Double> after) {
        if (!Boolean.getBoolean("threads") || requests == 0) {
            return;
        }
        StringBuilder line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1e3 / requests))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" | %s %.3f", e.getKey(), e.getValue())));
        System.out.printf("threads, ms per request | %s | %d%s%n", name, clients, line);
    }

    /** One row: a closed loop of {@code clients} for {@code seconds}, its latencies and CPU per request. */
    private static Result run(String name, int clients, int seconds, IntSupplier call) throws Exception {
        resetStatements();
        Map<String, Double> kinds0 = threadKinds();
        double[] cpu0 = cpuSeconds();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        List<Long> nanos = loop(clients, seconds, call, errors);
        double took = (System.nanoTime() - start) / 1e9;
        Result r = new Result(name, clients, nanos.size(), took, nanos, errors.get());
        System.out.println(r.row());
        double[] cpu1 = cpuSeconds();
        printThreadKinds(name, clients, nanos.size(), kinds0, threadKinds());
        System.out.printf("cpu per request | %s | %d | request threads %.3f ms | JVM %.3f ms | database %.3f ms%n", name,
                clients, (cpu1[2] - cpu0[2]) * 1e3 / Math.max(1, nanos.size()),
                (cpu1[0] - cpu0[0]) * 1e3 / Math.max(1, nanos.size()), (cpu1[1] - cpu0[1]) * 1e3 / Math.max(1, nanos.size()));
        printStatements(name, clients, nanos.size());
        return r;
    }

    /** The warm-up's closed loop: as {@link #run}, nothing measured or printed. */
    private static void loop(int clients, int seconds, IntSupplier call) throws Exception {
        loop(clients, seconds, call, new java.util.concurrent.atomic.AtomicLong());
    }

    /**
     * A closed loop: each client sends its next request when the last one answered, until the time is up.
     * Each client records its latencies in its own array (no shared list or lock on the measured path).
     */
    private static List<Long> loop(int clients, int seconds, IntSupplier call,
                                   java.util.concurrent.atomic.AtomicLong errors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                long[] took = new long[1024];
                int count = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    int status;
                    try {
                        status = call.getAsInt();
                    } catch (RuntimeException timedOut) { // the client's 60 s timeout: counted, the run goes on
                        status = -1;
                    }
                    if (count == took.length) {
                        took = java.util.Arrays.copyOf(took, count * 2);
                    }
                    took[count++] = System.nanoTime() - s;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                return java.util.Arrays.copyOf(took, count);
            }));
        }
        List<Long> nanos = new ArrayList<>();
        try {
            for (Future<long[]> f : running) {
                for (long t : f.get()) {
                    nanos.add(t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        RawHttp.closeAll();
        return nanos;
    }

    /**
     * The static yardstick: an embedded Tomcat on a free local port whose one servlet answers every GET
     * with the given bytes (Content-Length set, so headers and body leave in one write; TCP_NODELAY,
     * Tomcat's default, said explicitly). Nothing else runs in it: it is the floor of an HTTP exchange
     * of that size through the same client.
     */
    static final class StaticServer implements AutoCloseable {
        private final Tomcat tomcat = new Tomcat();
        private final Connector connector = new Connector();

        StaticServer(byte[] bytes) throws java.io.IOException, LifecycleException {
            tomcat.setBaseDir(java.nio.file.Files.createTempDirectory("xieshang-static").toString());
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            connector.setProperty("tcpNoDelay", "true");
            tomcat.setConnector(connector);
            tomcat.getHost().setAutoDeploy(false);
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "bytes", new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                        throws java.io.IOException {
                    res.setContentType("application/json");
                    res.setContentLength(bytes.length);
                    res.getOutputStream().write(bytes);
                }
            });
            context.addServletMappingDecoded("/*", "bytes");
            tomcat.start();
        }

        int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() throws LifecycleException {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private CaseScaleBenchmark() {
    }
}
