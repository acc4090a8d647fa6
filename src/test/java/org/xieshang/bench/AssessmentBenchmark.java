package org.xieshang.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * An assessment run at scale on PostgreSQL (issue 12): N members (default 30,000) with a year of
 * duty record entries (plenary and standing committee attendance, activities, speeches, proposals
 * submitted, co-signed, filed, key, social reports submitted and adopted, liaison contacts), bulk
 * loaded, then the run through the API (POST /api/v1/assessment/runs, synchronous), timed end to
 * end, twice. Not a test: run it with
 *
 *   ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.xieshang.bench.AssessmentBenchmark -Dmembers=30000
 *
 * (see docs/benchmarks.md for figures and the machine).
 */
public final class AssessmentBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("members", 30_000);
        int year = LocalDate.now().getYear();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            ConfigurableApplicationContext app = SearchBenchmark.start(pg);
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = new Api(port).login("admin", "bench-admin-1");
                long sectorId = admin.post("/api/v1/sectors", Map.of("name", "经济界")).id();
                long t0 = System.nanoTime();
                long entries = load(app.getBean(DataSource.class), n, sectorId, year);
                System.out.printf("loaded %,d members and %,d duty record entries in %.1f s%n", n, entries,
                        (System.nanoTime() - t0) / 1e9);
                for (int i = 1; i <= 2; i++) {
                    // in the background (the synchronous answer may outlast the HTTP client's timeout on a loaded
                    // machine); timed from the request to DONE, and by the server's own start and finish instants
                    t0 = System.nanoTime();
                    Api.Res res = admin.post("/api/v1/assessment/runs", Map.of("from", year + "-01-01", "to", year + "-12-31",
                            "background", true));
                    long id = res.json().path("id").asLong();
                    JsonNode summary;
                    do {
                        Thread.sleep(200);
                        summary = null;
                        for (JsonNode r : admin.get("/api/v1/assessment/runs").json().path("items")) {
                            if (r.path("id").asLong() == id) {
                                summary = r;
                            }
                        }
                    } while (summary == null || summary.path("status").asString().equals("RUNNING"));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double server = Duration.between(Instant.parse(summary.path("startedAt").asString()),
                            Instant.parse(summary.path("finishedAt").asString())).toMillis() / 1000.0;
                    System.out.printf("run %d: HTTP %d, %s, %,d members in %.2f s (server: start to finish %.2f s)%n", i,
                            res.status(), summary.path("status").asString(), summary.path("membersTotal").asInt(), seconds,
                            server);
                }
            } finally {
                app.close();
            }
        }
    }

    static long load(DataSource ds, int n, long sectorId, int year) throws Exception {
        Random random = new Random(12);
        long entries = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long committee;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from committee")) {
                rs.next();
                committee = rs.getLong(1);
            }
            long firstMember;
            try (PreparedStatement ps = c.prepareStatement("insert into member (committee_id, name, gender, sector_id, roles, "
                    + "status, created_at, version) values (?, ?, 'MALE', ?, 'MEMBER', 'ACTIVE', ?, 0)")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, committee);
                    ps.setString(2, "委员" + i);
                    ps.setLong(3, sectorId);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from member")) {
                rs.next();
                firstMember = rs.getLong(1);
            }
            String[][] kinds = {
                {"ACTIVITY_PRESENT", "PLENARY", "ACTIVITY"}, {"ACTIVITY_ON_LEAVE", "PLENARY", "ACTIVITY"},
                {"ACTIVITY_ABSENT", "STANDING_COMMITTEE_MEETING", "ACTIVITY"}, {"ACTIVITY_PRESENT", "RESEARCH", "ACTIVITY"},
                {"ACTIVITY_PRESENT", "INSPECTION", "ACTIVITY"}, {"SPEECH", "CONSULTATION", "SPEECH"},
                {"PROPOSAL_SUBMITTED", null, "PROPOSAL"}, {"PROPOSAL_COSIGNED", null, "PROPOSAL"},
                {"PROPOSAL_FILED", null, "PROPOSAL"}, {"PROPOSAL_KEY", null, "PROPOSAL"},
                {"SOCIAL_REPORT_SUBMITTED", null, "SOCIAL_REPORT"}, {"SOCIAL_REPORT_ADOPTED", null, "SOCIAL_REPORT"},
                {"LIAISON_CONTACTED", null, "LIAISON_CONTACT"}};
            long source = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into duty_entry (committee_id, member_id, kind, "
                    + "activity_type, adoption_level, entry_date, description, source_type, source_id, source_aspect, active, "
                    + "recorded_by, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'A', true, 'bench', ?, 0)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int m = 0; m < n; m++) {
                    int count = 10 + random.nextInt(21); // 10–30 entries a year
                    for (int e = 0; e < count; e++) {
                        String[] k = kinds[random.nextInt(kinds.length)];
                        ps.setLong(1, committee);
                        ps.setLong(2, firstMember + m);
                        ps.setString(3, k[0]);
                        ps.setString(4, k[1]);
                        ps.setString(5, k[0].equals("SOCIAL_REPORT_ADOPTED") ? "CITY" : null);
                        ps.setObject(6, LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
                        ps.setString(7, k[0] + " #" + (++source));
                        ps.setString(8, k[2]);
                        ps.setLong(9, source);
                        ps.setTimestamp(10, now);
                        ps.addBatch();
                        entries++;
                    }
                    if (m % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze duty_entry");
                s.execute("analyze member");
            }
        }
        return entries;
    }
}
