package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.XieshangApplication;
import org.xieshang.search.internal.OutboxNodeDeath;
import org.xieshang.support.Api;
import org.xieshang.support.Committee;
import org.xieshang.support.OpenSearchTestConfig;
import org.xieshang.support.TestSupport;

/**
 * Two application nodes on one PostgreSQL and one OpenSearch node, as a cluster deployment runs
 * (docs/deploy.md): a session signed in on A works on B; a case submitted through A is found
 * through B (and A); each reminder goes out once though both nodes' schedulers poll; A stops and
 * B carries on. Node A's outbox processor is off: every change A commits stays in the outbox
 * until another node indexes it — as when a node dies between its commit and its claim. Last, A
 * claims its last change with its own claim code and dies before indexing it: B leaves the rows
 * alone while A's claim holds (3 s here) and indexes the change once it runs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeOpenSearchClusterTest {

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Path dataDir;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataDir = Files.createTempDirectory("xieshang-two-nodes");
        String prefix = "two-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        a = node("a", prefix, false);
        b = node("b", prefix, true);
        jdbc = b.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null && a.isActive()) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private ConfigurableApplicationContext node(String name, String indexPrefix, boolean indexes) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--xieshang.data-dir=" + dataDir.resolve(name), "--xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD,
                "--xieshang.zone=", "--xieshang.committee-name=测试区政协", "--xieshang.demo=false",
                "--xieshang.password.change-after-admin-set=false", "--xieshang.login.max-failures-per-address=100000",
                "--db-scheduler.polling-interval=1s", "--management.health.mail.enabled=false",
                "--logging.level.xieshang.request=warn",
                "--xieshang.search.outbox.process=" + indexes,
                // a claim runs out after 3 s (30 s by default), so that a node's death costs the test seconds
                "--xieshang.search.outbox.lease=3s"));
        OpenSearchTestConfig.properties(indexPrefix).forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(XieshangApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for: " + what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int hits(Api who, String q) {
        Api.Res res = who.get("/api/v1/proposals", Map.of("q", q));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json().path("total").asInt();
    }

    private static long submitted(Committee c, Api member, String title) {
        long id = member.post("/api/v1/proposals", new HashMap<>(c.draft(title, List.of()))).id();
        assertThat(member.post("/api/v1/proposals/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        return id;
    }

    @Test
    @Order(1)
    void aSessionSignedInOnAWorksOnB() throws Exception {
        // the API's bearer token
        String token = new Api(port(a)).anonymous().post("/api/v1/auth/token",
                Map.of("username", "admin", "password", TestSupport.ADMIN_PASSWORD)).get("token");
        assertThat(new Api(port(b)).as(token).get("/api/v1/me").status()).isEqualTo(200);

        // the pages' web session (cookies are per host, not per port: one browser, two nodes)
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(TestSupport.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        HttpResponse<String> onB = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("signed in on B with A's session").isEqualTo(200);
    }

    @Test
    @Order(2)
    void aCaseSubmittedThroughAIsFoundThroughBAndA() {
        Api adminA = new Api(port(a)).login("admin", TestSupport.ADMIN_PASSWORD);
        Api adminB = new Api(port(b)).login("admin", TestSupport.ADMIN_PASSWORD);
        Committee c = new Committee(adminA, 1, 1);
        long id = submitted(c, c.member(0), "关于规范共享单车停放秩序的建议");
        await("the case in B's search", () -> hits(adminB, "共享单车") == 1);
        assertThat(hits(adminA, "共享单车")).as("A's queries see the same index").isEqualTo(1);
        assertThat(adminB.get("/api/v1/proposals", Map.of("q", "共享单车")).json().path("items").get(0).path("id").asLong())
                .isEqualTo(id);
        await("the outbox emptied by B", () -> jdbc.queryForObject("select count(*) from search_outbox", Long.class) == 0);
    }

    @Test
    @Order(3)
    void eachReminderGoesOutOnceThoughBothNodesPoll() {
        Cases f = new Cases(new Api(port(a)).login("admin", TestSupport.ADMIN_PASSWORD));
        // one account in each handling unit, before any reminder: a unit's notices go to the accounts it has
        f.leadUnit();
        f.coUnit();
        long id = f.caseIn("FILED");
        Cases.ok(200, f.staff().post(Cases.P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1)), "dueDate", LocalDate.now().plusDays(40).toString())));
        String slots = "task_name = 'proposal-reminder' and task_instance like 'p" + id + "-%'";
        int planned = jdbc.queryForObject("select count(*) from scheduled_tasks where " + slots, Integer.class);
        assertThat(planned).as("reminders planned").isGreaterThanOrEqualTo(2);

        // every planned reminder falls due now; both nodes' schedulers poll every second
        jdbc.update("update scheduled_tasks set execution_time = current_timestamp - interval '1 second' where " + slots);
        await("every due reminder run", () -> jdbc.queryForObject("select count(*) from scheduled_tasks where " + slots
                + " and (execution_time <= current_timestamp or picked)", Integer.class) == 0);

        int sent = jdbc.queryForObject("select count(*) from proposal_reminder where proposal_id = ?", Integer.class, id);
        assertThat(sent).as("one record per reminder").isEqualTo(planned);
        // the only reminders of this database are this case's; recipients counts units, one account each
        int recipients = jdbc.queryForObject("select coalesce(sum(recipients), 0) from proposal_reminder", Integer.class);
        int notices = jdbc.queryForObject("select count(*) from notification where message_key like '%reminder%'",
                Integer.class);
        assertThat(recipients).isPositive();
        assertThat(notices).as("each reminder's notices once").isEqualTo(recipients);
    }

    @Test
    @Order(4)
    void aClaimsItsLastChangeAndDiesBeforeIndexingBIndexesItOnceTheClaimRunsOutAndCarriesOn() throws Exception {
        Api adminA = new Api(port(a)).login("admin", TestSupport.ADMIN_PASSWORD);
        Committee c = new Committee(adminA, 1, 1);
        String nodeA = OutboxNodeDeath.nodeId(a);
        long last;
        // B's indexer is held while A claims, so that A's claim is the first (B would otherwise take the rows at once)
        try (AutoCloseable held = OutboxNodeDeath.pauseIndexing(b)) {
            last = submitted(c, c.member(0), "关于治理城东河道黑臭水体的建议");
            assertThat(OutboxNodeDeath.claimWithoutIndexing(a)).as("rows A claimed").isPositive();
            assertThat(jdbc.queryForObject("select count(*) from search_outbox where claimed_by is null or claimed_by <> ?",
                    Integer.class, nodeA)).as("every pending row is A's").isZero();
            a.close(); // A is gone after its claim: its change is committed and claimed, and never indexed
        }
        OffsetDateTime claimRunsOut = jdbc.queryForObject("select max(claimed_until) from search_outbox where claimed_by = ?",
                OffsetDateTime.class, nodeA);
        assertThat(claimRunsOut).as("A's rows are still in the outbox").isNotNull();

        Api adminB = new Api(port(b)).login("admin", TestSupport.ADMIN_PASSWORD);
        await("A's last change in B's search", () -> hits(adminB, "黑臭水体") == 1);
        assertThat(OffsetDateTime.now(ZoneOffset.UTC)).as("B left A's rows alone while A's claim held")
                .isAfterOrEqualTo(claimRunsOut);
        assertThat(adminB.get("/api/v1/proposals/" + last).status()).isEqualTo(200);
        await("the outbox emptied by B", () -> jdbc.queryForObject("select count(*) from search_outbox", Long.class) == 0);

        Committee onB = new Committee(adminB, 1, 1);
        submitted(onB, onB.member(0), "关于老旧小区加装电梯的建议");
        await("B's own change in B's search", () -> hits(adminB, "加装电梯") == 1);
    }
}
