package org.xieshang.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail through the API: every member change is recorded, the chain verifies, and a
 * change or deletion made by hand in the database is detected. Tampering happens in committees
 * made for the purpose, so that the shared first committee's chain stays intact.
 */
class AuditTrailApiTest extends ApiTestBase {

    private static final String PASSWORD = "audit-admin-pass";

    @Autowired
    CommitteeProvisioning provisioning;
    @Autowired
    protected JdbcTemplate jdbc;

    @Test
    void everyCreateAndUpdateOfAMemberIsRecorded() {
        long sector = Fixtures.sector(admin);
        String name = TestSupport.unique("审计委员");
        long id = Fixtures.member(admin, sector, name);
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("title", "主任")).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("roles", List.of("STANDING_COMMITTEE"), "title", "副主任"))
                .status()).isEqualTo(200);
        // neither a change to the same values nor a refused change is recorded
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("title", "副主任")).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/members/" + id, Map.of("phone", "123")).status()).isEqualTo(400);

        List<JsonNode> entries = entries(admin, id);
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actor").asString()).isEqualTo("admin");
            assertThat(e.path("entityType").asString()).isEqualTo("Member");
            assertThat(e.path("entityId").asString()).isEqualTo(Long.toString(id));
            assertThat(Instant.parse(e.path("at").asString())).isBefore(Instant.now().plusSeconds(5));
        });
        assertThat(entries).extracting(e -> e.path("seq").asLong()).isSorted().doesNotHaveDuplicates();

        JsonNode created = Api.JSON.readTree(entries.get(0).path("changes").asString());
        assertThat(created.path("after").path("name").asString()).isEqualTo(name);
        assertThat(created.path("after").path("sectorId").asLong()).isEqualTo(sector);
        assertThat(created.path("after").path("status").asString()).isEqualTo("ACTIVE");

        JsonNode first = Api.JSON.readTree(entries.get(1).path("changes").asString());
        assertThat(first.path("before").path("title").isNull()).isTrue();
        assertThat(first.path("after").path("title").asString()).isEqualTo("主任");
        assertThat(first.path("after").propertyNames()).containsExactly("title");

        JsonNode second = Api.JSON.readTree(entries.get(2).path("changes").asString());
        assertThat(second.path("before").path("title").asString()).isEqualTo("主任");
        assertThat(second.path("after").path("title").asString()).isEqualTo("副主任");
        assertThat(second.path("after").path("roles").values()).extracting(JsonNode::asString).containsExactly("STANDING_COMMITTEE");
        assertThat(second.path("before").path("roles").values()).extracting(JsonNode::asString).containsExactly("MEMBER");

        assertIntact(admin);
    }

    @Test
    void passwordsNeverReachTheTrail() {
        Res user = admin.post("/api/v1/users", Map.of("username", TestSupport.unique("aud"), "password", "visible-secret-1",
                "displayName", "x", "roles", List.of("PROPOSAL_STAFF")));
        assertThat(admin.patch("/api/v1/users/" + user.id(), Map.of("password", "visible-secret-2")).status()).isEqualTo(200);
        List<JsonNode> entries = List.copyOf(admin.get("/api/v1/audit/entries",
                Map.of("entityType", "UserAccount", "entityId", user.id())).json().path("items").values());
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("CREATE", "UPDATE");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("changes").asString())
                .doesNotContain("visible-secret").doesNotContain("{bcrypt}").contains("[redacted]"));
    }

    @Test
    void onlyTheOfficeReadsTheTrail() {
        long id = Fixtures.member(admin, Fixtures.sector(admin));
        for (String role : List.of("PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER", "UNIT_HEAD")) {
            Api user = Fixtures.signedIn(admin, role);
            assertThat(user.get("/api/v1/audit/verify").status()).isEqualTo(403);
            assertThat(user.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", id)).status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void aChangedEntryIsDetected() {
        Committee c = freshCommittee();
        long id = Fixtures.member(c.admin, Fixtures.sector(c.admin), "原名");
        c.admin.patch("/api/v1/members/" + id, Map.of("title", "委员"));
        assertIntact(c.admin);
        long seq = entries(c.admin, id).get(0).path("seq").asLong();

        tamper(() -> assertThat(jdbc.update("update audit_entry set changes = replace(changes, '原名', '改名')"
                + " where chain_id = ? and seq = ?", c.id, seq)).isEqualTo(1));

        JsonNode v = verify(c.admin);
        assertThat(v.path("intact").asBoolean()).isFalse();
        assertThat(v.path("problem").asString()).isEqualTo("ENTRY_CHANGED");
        assertThat(v.path("brokenAtSeq").asLong()).isEqualTo(seq);
        assertThat(v.path("checked").asLong()).isEqualTo(seq - 1);
    }

    @Test
    void aChangedActorOrTimeIsDetected() {
        Committee c = freshCommittee();
        long id = Fixtures.member(c.admin, Fixtures.sector(c.admin));
        long seq = entries(c.admin, id).get(0).path("seq").asLong();
        tamper(() -> jdbc.update("update audit_entry set actor = 'someone-else' where chain_id = ? and seq = ?", c.id, seq));
        assertThat(verify(c.admin).path("problem").asString()).isEqualTo("ENTRY_CHANGED");

        Committee d = freshCommittee();
        long other = Fixtures.member(d.admin, Fixtures.sector(d.admin));
        long otherSeq = entries(d.admin, other).get(0).path("seq").asLong();
        tamper(() -> jdbc.update("update audit_entry set at = ? where chain_id = ? and seq = ?",
                Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), d.id, otherSeq));
        assertThat(verify(d.admin).path("problem").asString()).isEqualTo("ENTRY_CHANGED");
    }

    @Test
    void aRewrittenEntryWithARecomputedHashBreaksTheLinkToTheNext() {
        Committee c = freshCommittee();
        long id = Fixtures.member(c.admin, Fixtures.sector(c.admin), "原名");
        c.admin.patch("/api/v1/members/" + id, Map.of("title", "委员"));
        long seq = entries(c.admin, id).get(0).path("seq").asLong();
        // someone who knows the algorithm rewrites the entry and its own hash consistently
        Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where chain_id = ? and seq = ?", c.id, seq);
        String forgedChanges = ((String) row.get("changes")).replace("原名", "改名");
        Instant at = row.get("at") instanceof Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) row.get("at")).toInstant();
        String forgedHash = AuditHash.of((String) row.get("prev_hash"), c.id, seq, at, (String) row.get("actor"),
                (String) row.get("entity_type"), (String) row.get("entity_id"), (String) row.get("action"), forgedChanges);
        tamper(() -> jdbc.update("update audit_entry set changes = ?, hash = ? where chain_id = ? and seq = ?",
                forgedChanges, forgedHash, c.id, seq));

        JsonNode v = verify(c.admin);
        assertThat(v.path("intact").asBoolean()).isFalse();
        assertThat(v.path("problem").asString()).isEqualTo("LINK_BROKEN");
        assertThat(v.path("brokenAtSeq").asLong()).isEqualTo(seq + 1);
    }

    @Test
    void aDeletedLastEntryIsDetected() {
        Committee c = freshCommittee();
        long id = Fixtures.member(c.admin, Fixtures.sector(c.admin));
        c.admin.patch("/api/v1/members/" + id, Map.of("title", "委员"));
        long last = jdbc.queryForObject("select max(seq) from audit_entry where chain_id = ?", Long.class, c.id);
        assertIntact(c.admin);

        tamper(() -> assertThat(jdbc.update("delete from audit_entry where chain_id = ? and seq = ?", c.id, last)).isEqualTo(1));

        JsonNode v = verify(c.admin);
        assertThat(v.path("intact").asBoolean()).isFalse();
        assertThat(v.path("problem").asString()).isEqualTo("TAIL_MISSING");
        assertThat(v.path("checked").asLong()).isEqualTo(last - 1);
        assertThat(v.path("brokenAtSeq").asLong()).isEqualTo(last);
    }

    @Test
    void aDeletedEntryInTheMiddleIsDetected() {
        Committee c = freshCommittee();
        long id = Fixtures.member(c.admin, Fixtures.sector(c.admin));
        c.admin.patch("/api/v1/members/" + id, Map.of("title", "委员"));
        long seq = entries(c.admin, id).get(0).path("seq").asLong();

        tamper(() -> assertThat(jdbc.update("delete from audit_entry where chain_id = ? and seq = ?", c.id, seq)).isEqualTo(1));

        JsonNode v = verify(c.admin);
        assertThat(v.path("intact").asBoolean()).isFalse();
        assertThat(v.path("problem").asString()).isEqualTo("ENTRY_MISSING");
        assertThat(v.path("brokenAtSeq").asLong()).isEqualTo(seq);
        assertThat(entries(c.admin, id)).extracting(e -> e.path("action").asString()).containsExactly("UPDATE");
    }

    @Test
    void parallelChangesKeepTheChainIntactAndConsecutive() throws Exception {
        long chain = jdbc.queryForObject("select committee_id from user_account where username = 'admin'", Long.class);
        long sector = Fixtures.sector(admin);
        long before = jdbc.queryForObject("select last_seq from audit_chain where chain_id = ?", Long.class, chain);
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Res> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Res>> futures = new ArrayList<>();
            String prefix = TestSupport.unique("并发");
            for (int i = 0; i < n; i++) {
                String name = prefix + "-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return admin.post("/api/v1/members", Map.of("name", name, "gender", "MALE", "sectorId", sector));
                }));
            }
            start.countDown();
            for (Future<Res> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).extracting(Res::status).as("%s", answers).containsOnly(201);

        assertIntact(admin);
        List<Long> seqs = jdbc.queryForList("select seq from audit_entry where chain_id = ? and seq > ? order by seq",
                Long.class, chain, before);
        long after = jdbc.queryForObject("select last_seq from audit_chain where chain_id = ?", Long.class, chain);
        assertThat(seqs).hasSizeGreaterThanOrEqualTo(n);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(before + 1 + i);
        }
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(after);
        for (Res created : answers) {
            assertThat(entries(admin, created.id())).extracting(e -> e.path("action").asString()).containsExactly("CREATE");
        }
    }

    // --- helpers ---

    record Committee(long id, Api admin) {
    }

    Committee freshCommittee() {
        String username = TestSupport.unique("audit-admin");
        long id = provisioning.provision(TestSupport.unique("审计区政协"), username, PASSWORD).id();
        return new Committee(id, api.login(username, PASSWORD));
    }

    static List<JsonNode> entries(Api as, long memberId) {
        Res res = as.get("/api/v1/audit/entries", Map.of("entityType", "Member", "entityId", memberId));
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        return List.copyOf(res.json().path("items").values());
    }

    static JsonNode verify(Api as) {
        Res res = as.get("/api/v1/audit/verify");
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        return res.json();
    }

    static void assertIntact(Api as) {
        JsonNode v = verify(as);
        assertThat(v.path("intact").asBoolean()).as("%s", v).isTrue();
        assertThat(v.path("checked").asLong()).isPositive();
        assertThat(v.path("problem").isNull()).isTrue();
        assertThat(v.path("brokenAtSeq").isNull()).isTrue();
    }

    /** Changes the trail by hand, as someone with database access could; PostgreSQL's append-only trigger is lifted meanwhile. */
    protected void tamper(Runnable change) {
        boolean postgres = isPostgres();
        if (postgres) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_change");
        }
        try {
            change.run();
        } finally {
            if (postgres) {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_no_change");
            }
        }
    }

    protected boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((Connection con) -> {
            try {
                return con.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
