package org.xieshang.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The claim rules of the search outbox on the table its migration creates (H2 in memory; the
 * two-node test runs them on PostgreSQL): a claim holds for its lease, then any node may take
 * the row again, and only the node holding the claim deletes the row.
 */
class OutboxClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneOffset.UTC);

    private DriverManagerDataSource ds;
    private JdbcTemplate jdbc;
    private OutboxClaims claims;

    @BeforeEach
    void table() throws Exception {
        ds = new DriverManagerDataSource("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(ds);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/common/V96__search_outbox.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        claims = new OutboxClaims(jdbc);
    }

    @AfterEach
    void drop() {
        jdbc.execute("shutdown");
    }

    private void rows(int n) {
        for (int i = 0; i < n; i++) {
            jdbc.update("insert into search_outbox (committee_id, entity_name, entity_id, created_at) values (?, ?, ?, ?)",
                    1L + i % 2, "org.xieshang.proposal.internal.Proposal", String.valueOf(100 + i), T0);
        }
    }

    private String holder(long id) {
        return jdbc.queryForObject("select claimed_by from search_outbox where id = ?", String.class, id);
    }

    @Test
    void aNodeClaimsTheOldestRowsForItsLease() {
        rows(5);
        OutboxClaims.Claim claim = claims.claim("a", T0, LEASE, 3);
        assertThat(claim.seen()).isEqualTo(3);
        assertThat(claim.rows()).extracting(OutboxClaims.Row::entityId).containsExactly("100", "101", "102");
        assertThat(claim.rows()).extracting(OutboxClaims.Row::committeeId).containsExactly(1L, 2L, 1L);
        assertThat(jdbc.queryForObject("select count(*) from search_outbox where claimed_by = 'a' and attempts = 1 "
                + "and claimed_until = ?", Integer.class, T0.plus(LEASE))).isEqualTo(3);
        // the next batch of the same node: the rest
        assertThat(claims.claim("a", T0, LEASE, 3).rows()).extracting(OutboxClaims.Row::entityId).containsExactly("103", "104");
        assertThat(claims.claim("a", T0, LEASE, 3).seen()).isZero();
    }

    @Test
    void whileTheClaimHoldsNoOtherNodeTakesTheRows() {
        rows(2);
        claims.claim("a", T0, LEASE, 100);
        OutboxClaims.Claim b = claims.claim("b", T0.plus(LEASE).minusNanos(1_000_000), LEASE, 100);
        assertThat(b.rows()).isEmpty();
        assertThat(b.seen()).isZero();
        // at the very end of the lease the claim still holds (strictly "ran out")
        assertThat(claims.claim("b", T0.plus(LEASE), LEASE, 100).rows()).isEmpty();
    }

    @Test
    void aNodeDiedAfterItsClaimAnotherNodeTakesTheRowsOnceTheClaimRunsOut() {
        rows(2);
        List<OutboxClaims.Row> a = claims.claim("a", T0, LEASE, 100).rows();
        assertThat(a).hasSize(2);
        // a never indexes nor deletes: it died

        OffsetDateTime later = T0.plus(LEASE).plusNanos(1_000_000);
        List<OutboxClaims.Row> b = claims.claim("b", later, LEASE, 100).rows();
        assertThat(b).containsExactlyElementsOf(a);
        assertThat(holder(a.get(0).id())).isEqualTo("b");
        assertThat(jdbc.queryForObject("select max(attempts) from search_outbox", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select min(claimed_until) from search_outbox", OffsetDateTime.class)
                .toInstant()).isEqualTo(later.plus(LEASE).toInstant());

        // a was only slow and comes back after indexing: the rows are b's now, a deletes nothing
        assertThat(claims.done(a, "a")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from search_outbox", Integer.class)).isEqualTo(2);
        assertThat(claims.done(b, "b")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from search_outbox", Integer.class)).isZero();
    }

    @Test
    void nodesClaimingAtOnceEachWinADifferentShareAndNoRowTwice() throws Exception {
        rows(200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<OutboxClaims.Row>>> won = new ArrayList<>();
            for (String node : List.of("a", "b", "c", "d")) {
                won.add(pool.submit(() -> {
                    go.await();
                    List<OutboxClaims.Row> mine = new ArrayList<>();
                    for (OutboxClaims.Claim c = claims.claim(node, T0, LEASE, 50); c.seen() > 0; c = claims.claim(node, T0, LEASE, 50)) {
                        mine.addAll(c.rows());
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<OutboxClaims.Row>> f : won) {
                f.get().forEach(r -> all.add(r.id()));
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("select max(attempts) from search_outbox", Integer.class)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
