package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.provided.CaseFigureModel;
import org.xieshang.proposal.internal.provided.RawFigureQueries;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The statistics read model (docs/stats-read-model.md) against its oracle, the grouped queries
 * over the raw rows that served the statistics before ({@link RawFigureQueries}): after every step
 * of a scripted workflow (each transition, split parts, rehandling, withdrawal, merge, conversion,
 * co-units, re-assignment, key, implementation), after seeded random sequences of API calls, and
 * after concurrent transitions of different cases. Each check also rebuilds the model from the raw
 * rows and requires the same counter rows as those kept current change by change.
 */
class StatsReadModelTest extends ProposalApiTestBase {

    @Autowired
    private ProposalFigures figures;
    @Autowired
    private CaseFigureModel model;
    @Autowired
    private CaseSupport caseSupport;
    @Autowired
    private EntityManager em;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate tx;

    // --- the comparison ---

    private long committee() {
        return jdbc.queryForObject("select committee_id from term_session where id = ?", Long.class, f.c.sessionId);
    }

    /** Every figure of the read model equals the raw rows' grouped counts, and a rebuild changes no counter. */
    private void assertMatchesRawRows() {
        long committee = committee();
        List<Long> sessions = jdbc.queryForList("select id from term_session where committee_id = ? order by id", Long.class,
                committee);
        RawFigureQueries raw = new RawFigureQueries(caseSupport, em);
        // overdue: due dates both in the past and in the future exist; "today" moved shows them counted by date
        List<LocalDate> days = List.of(LocalDate.now(), LocalDate.now().plusDays(400));
        CommitteeContext.runAs(committee, () -> tx.executeWithoutResult(s -> {
            for (List<Long> chosen : List.of(sessions, List.of(f.c.sessionId))) {
                for (Long unit : Arrays.asList(null, f.unit(0), f.unit(1), f.unit(3))) {
                    for (LocalDate day : days) {
                        assertThat(figures.cases(chosen, unit, day)).as("cases, unit " + unit + ", " + day)
                                .containsExactlyInAnyOrderElementsOf(raw.cases(chosen, unit, day));
                        assertThat(figures.casesByLeadProposer(chosen, unit, day)).as("by proposer, unit " + unit)
                                .containsExactlyInAnyOrderElementsOf(raw.casesByLeadProposer(chosen, unit, day));
                        assertThat(figures.overdue(chosen, unit, day)).isEqualTo(raw.overdue(chosen, unit, day));
                    }
                    assertThat(figures.ratings(chosen, unit)).as("ratings, unit " + unit)
                            .containsExactlyInAnyOrderElementsOf(raw.ratings(chosen, unit));
                    assertThat(figures.ratingsByLeadProposer(chosen, unit)).as("ratings by proposer, unit " + unit)
                            .containsExactlyInAnyOrderElementsOf(raw.ratingsByLeadProposer(chosen, unit));
                }
                assertThat(figures.openBReplies(chosen)).as("open B").isEqualTo(raw.openBReplies(chosen));
            }
        }));
        Map<String, List<Map<String, Object>>> kept = counters(committee);
        model.rebuild();
        assertThat(counters(committee)).as("the counters kept change by change equal a rebuild from the raw rows")
                .isEqualTo(kept);
    }

    private Map<String, List<Map<String, Object>>> counters(long committee) {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (String table : List.of("stat_case_figure", "stat_proposer_figure", "stat_rating_figure")) {
            // rows emptied by the changes stay with zero counts; a rebuild has none
            // in a fixed order of whole rows: a table's key has more columns than any fixed "order by" would name
            List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList(
                    "select * from " + table + " where committee_id = ? and cases <> 0", committee));
            rows.sort(java.util.Comparator.comparing(Object::toString));
            out.put(table, rows);
        }
        out.put("contribution", jdbc.queryForList("select * from stat_case_contribution where committee_id = ?"
                + " order by proposal_id", committee));
        return out;
    }

    // --- the scripted workflow ---

    @Test
    void everyTransitionKeepsTheReadModelEqualToTheRawRows() {
        assertMatchesRawRows();
        long draft = f.draft();
        long joint = f.draft(f.member(1));
        ok(200, f.lead().post(P + "/" + joint + "/submit", Map.of()));
        assertMatchesRawRows(); // AWAITING_COSIGNERS: not counted
        ok(200, f.cosigner().post(P + "/" + joint + "/cosign", Map.of("accept", true)));
        long withdrawn = f.caseIn("SUBMITTED");
        ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of()));
        assertMatchesRawRows();

        // not filed, then converted; merged into another
        long notFiled = f.caseIn("SUBMITTED");
        ok(200, f.staff().post(P + "/" + notFiled + "/review", Map.of("decision", "NOT_FILE", "reason", "内容空泛，无具体建议")));
        ok(200, f.staff().post(P + "/" + notFiled + "/convert", Map.of("kind", "SOCIAL_REPORT", "note", "转社情民意")));
        long target = f.caseIn("SUBMITTED");
        long source = f.caseIn("SUBMITTED", true);
        ok(200, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", target)));
        assertMatchesRawRows();

        // filed, key, assigned with a co-unit, re-assigned to another unit, new due date
        long key = f.caseIn("FILED");
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of()));
        long moved = f.caseIn("ASSIGNED");
        ok(201, f.leadUnit().post(P + "/" + moved + "/reassignment-requests", Map.of("reason", "不属于本单位职责")));
        expectStatus(ok(200, f.staff().post(P + "/" + moved + "/assign", Map.of("leadUnitId", f.unit(3),
                "coUnitIds", List.of()))), "ASSIGNED");
        ok(200, f.staff().post(P + "/" + key + "/assign", Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(1)))));
        ok(200, f.staff().post(P + "/" + key + "/due-date", Map.of("dueDate", LocalDate.now().plusDays(150).toString(),
                "reason", "需跨年度预算")));
        assertMatchesRawRows();

        // replied (B), rated, implemented; replied late and on time; rehandled after an unsatisfied result
        long closed = f.caseIn("CLOSED");
        assertMatchesRawRows();
        ok(200, f.leadUnit().post(P + "/" + closed + "/implementation-report", Map.of("content", "计划已全部落实")));
        long late = f.caseIn("REPLY_REVIEW");
        jdbc.update("update proposal set due_date = ? where id = ?", LocalDate.now().minusDays(2), late);
        expectStatus(ok(200, f.staff().post(P + "/" + late + "/reply-review", Map.of("approve", true))), "REPLIED");
        long rehandled = f.caseIn("REPLIED");
        expectStatus(ok(201, f.lead().post(P + "/" + rehandled + "/evaluation", rating("UNSATISFIED", "UNSATISFIED"))),
                "REHANDLING");
        assertMatchesRawRows();
        f.replyAgain(rehandled, "A");
        expectStatus(ok(201, f.lead().post(P + "/" + rehandled + "/evaluation", rating("BASICALLY_SATISFIED", "SATISFIED"))),
                "CLOSED");
        // overdue: in progress past its due date (the due date written behind the back, then a touch of the case)
        long overdue = f.caseIn("IN_PROGRESS");
        jdbc.update("update proposal set due_date = ? where id = ?", LocalDate.now().minusDays(5), overdue);
        assertMatchesRawRows();

        // split handling: each part replied, reviewed and rated on its own
        long split = f.caseIn("FILED");
        ok(200, f.staff().post(P + "/" + split + "/assign", Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(f.unit(1)),
                "handlingMode", "SPLIT")));
        expectStatus(ok(200, f.leadUnit().post(P + "/" + split + "/accept", Map.of())), "IN_PROGRESS");
        ok(201, f.coUnit().post(P + "/" + split + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "电话联系提案人")));
        ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), split, Map.of("category", "C", "content", "协办部分答复")));
        ok(200, f.staff().post(P + "/" + split + "/reply-review", Map.of("approve", true, "unitId", f.unit(1))));
        ok(201, f.lead().post(P + "/" + split + "/evaluation", withUnit(rating("UNSATISFIED", "SATISFIED"), f.unit(1))));
        assertMatchesRawRows();
        f.contact(split);
        ok(200, Cases.replySigned(f.leadUnit(), f.leadUnitHead(), split, Map.of("category", "A", "content", "主办部分答复")));
        ok(200, f.staff().post(P + "/" + split + "/reply-review", Map.of("approve", true, "unitId", f.unit(0))));
        ok(201, f.lead().post(P + "/" + split + "/evaluation", withUnit(rating("SATISFIED", "BASICALLY_SATISFIED"), f.unit(0))));
        assertThat(f.status(split)).isEqualTo("CLOSED");
        expectStatus(ok(200, f.lead().get(P + "/" + draft)), "DRAFT"); // staff do not see drafts
        assertMatchesRawRows();
    }

    private static Map<String, Object> withUnit(Map<String, Object> body, long unitId) {
        Map<String, Object> out = new HashMap<>(body);
        out.put("unitId", unitId);
        return out;
    }

    // --- random sequences ---

    /**
     * Seeded random sequences of workflow calls on a few cases (a call the case's state does not
     * allow is refused with a 4xx and changes nothing; a 5xx fails), then the comparison. The
     * seeds are fixed so that a failure repeats; the sequence is in the failure message.
     */
    @Test
    void randomSequencesKeepTheReadModelEqualToTheRawRows() {
        for (int seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(f.caseIn(random.nextBoolean() ? "SUBMITTED" : "FILED", random.nextInt(4) == 0));
            }
            List<String> done = new ArrayList<>();
            for (int step = 0; step < 14; step++) {
                long id = ids.get(random.nextInt(ids.size()));
                String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
                Api.Res res = call(action, id, ids.get(random.nextInt(ids.size())), random);
                done.add(action + "(" + id + ")=" + res.status());
                assertThat(res.status()).as(String.join(", ", done) + ": " + res).isLessThan(500);
            }
            try {
                assertMatchesRawRows();
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + done + "\n" + e.getMessage(), e);
            }
        }
    }

    private static final List<String> ACTIONS = List.of("file", "notFile", "withdraw", "assign", "assignSplit", "accept",
            "reply", "approve", "rate", "implement", "key", "merge", "dueDate", "pastDue");

    private Api.Res call(String action, long id, long other, Random random) {
        String[] classes = {"A", "B", "C"};
        String[] ratings = {"SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"};
        String path = P + "/" + id;
        return switch (action) {
            case "file" -> f.staff().post(path + "/review", Map.of("decision", "FILE", "reason", "符合立案条件"));
            case "notFile" -> f.staff().post(path + "/review", Map.of("decision", "NOT_FILE", "reason", "内容空泛"));
            case "withdraw" -> f.lead().post(path + "/withdraw", Map.of());
            case "assign" -> f.staff().post(path + "/assign", Map.of("leadUnitId", f.unit(random.nextBoolean() ? 0 : 3),
                    "coUnitIds", random.nextBoolean() ? List.of(f.unit(1)) : List.of()));
            case "assignSplit" -> f.staff().post(path + "/assign", Map.of("leadUnitId", f.unit(0),
                    "coUnitIds", List.of(f.unit(1)), "handlingMode", "SPLIT"));
            case "accept" -> unitOf(id).post(path + "/accept", Map.of());
            case "reply" -> {
                Api unit = unitOf(id);
                unit.post(path + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                        "date", LocalDate.now().toString(), "content", "电话联系提案人"));
                yield Cases.replySigned(unit, unit == f.newUnit() ? f.unitHead(3) : f.leadUnitHead(), id,
                        Map.of("category", classes[random.nextInt(3)], "content", "答复内容"));
            }
            case "approve" -> f.staff().post(path + "/reply-review", Map.of("approve", true, "unitId", leadUnitOf(id)));
            case "rate" -> f.lead().post(path + "/evaluation", withUnit(rating(ratings[random.nextInt(3)],
                    ratings[random.nextInt(3)]), leadUnitOf(id)));
            case "implement" -> unitOf(id).post(path + "/implementation-report", Map.of("content", "已落实"));
            case "key" -> f.staff().post(path + "/key", Map.of());
            case "merge" -> f.staff().post(path + "/merge", Map.of("intoId", other));
            case "dueDate" -> f.staff().post(path + "/due-date", Map.of("dueDate",
                    LocalDate.now().plusDays(100 + random.nextInt(70)).toString(), "reason", "延期"));
            case "pastDue" -> {
                // behind the back, as an old case would be; only overdue (a query by date) depends on it alone
                jdbc.update("update proposal set due_date = ? where id = ? and replied_on is null",
                        LocalDate.now().minusDays(1 + random.nextInt(30)), id);
                yield f.staff().get(path);
            }
            default -> throw new IllegalArgumentException(action);
        };
    }

    private long leadUnitOf(long id) {
        JsonNode unit = f.get(id).path("leadUnitId");
        return unit.isNumber() ? unit.asLong() : f.unit(0);
    }

    private Api unitOf(long id) {
        return leadUnitOf(id) == f.unit(3) ? f.newUnit() : f.leadUnit();
    }

    // --- the admin's rebuild ---

    /** A write behind the application's back leaves the counters stale until the admin rebuilds them. */
    @Test
    void anAdminRebuildsTheFiguresAfterAWriteBehindTheApplicationsBack() {
        long replied = f.caseIn("REPLIED");
        long committee = committee();
        java.util.function.Supplier<Long> onTime = () -> CommitteeContext.callAs(committee, () -> tx.execute(s ->
                figures.cases(List.of(f.c.sessionId), null, LocalDate.now()).stream()
                        .mapToLong(g -> g.counts().onTime()).sum()));
        long before = onTime.get();
        jdbc.update("update proposal set due_date = ? where id = ?", LocalDate.now().minusDays(1), replied);
        assertThat(onTime.get()).as("stale: the write did not pass through the application").isEqualTo(before);

        for (Api who : List.of(f.staff(), f.leaderCppcc(), f.leadUnit(), f.lead())) {
            Cases.refused(403, who.post(P + "/stats/rebuild", Map.of()));
        }
        assertThat(new Api(port).post(P + "/stats/rebuild", Map.of()).status()).isEqualTo(401);
        assertThat(f.admin.post(P + "/stats/rebuild", Map.of()).status()).isEqualTo(204);
        assertThat(onTime.get()).isEqualTo(before - 1);
        assertMatchesRawRows();
    }

    // --- concurrency ---

    /**
     * A case changed while the admin's rebuild runs: its commit waits for the rebuild, then its difference
     * counts once on the rebuilt figures (before, it met the contribution row the rebuild had replaced: it
     * failed, or counted on a stale row).
     */
    @Test
    void aChangeCommittingDuringTheRebuildWaitsForItAndCountsOnce() throws Exception {
        long submitted = f.caseIn("SUBMITTED");
        long committee = committee();
        java.util.concurrent.CountDownLatch rebuilt = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Void> rebuild = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            model.rebuild(committee);
            rebuilt.countDown();
            try { // the rebuild's transaction stays open while the filing reaches its commit
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(rebuilt.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> filing = CompletableFuture.supplyAsync(() -> f.staff().post(P + "/" + submitted + "/review",
                Map.of("decision", "FILE", "reason", "符合立案条件")).status());
        Thread.sleep(400);
        release.countDown();
        rebuild.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(filing.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        assertMatchesRawRows();
    }

    /** Two transitions of different cases with the same figures at once: both counted (count = count + 1, row locks). */
    @Test
    void concurrentTransitionsOfDifferentCasesAreBothCounted() throws Exception {
        f.caseIn("FILED"); // the counter rows of both states exist
        for (int round = 0; round < 4; round++) {
            long a = f.caseIn("SUBMITTED");
            long b = f.caseIn("SUBMITTED");
            CyclicBarrier start = new CyclicBarrier(2);
            Supplier<Integer> fileA = () -> file(start, a);
            Supplier<Integer> fileB = () -> file(start, b);
            CompletableFuture<Integer> x = CompletableFuture.supplyAsync(fileA);
            CompletableFuture<Integer> y = CompletableFuture.supplyAsync(fileB);
            assertThat(List.of(x.get(), y.get())).containsExactly(200, 200);
        }
        assertMatchesRawRows();
    }

    private int file(CyclicBarrier start, long id) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return f.staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案条件")).status();
    }
}
