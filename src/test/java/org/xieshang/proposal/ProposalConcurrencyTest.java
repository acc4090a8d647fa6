package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Parallel changes of one case: exactly one wins, the others get 409, never a 500. Parallel
 * filings of many cases in one session get unique, consecutive numbers. Runs on H2 and (by
 * {@link ProposalConcurrencyPostgresTest}) on PostgreSQL.
 */
class ProposalConcurrencyTest extends ProposalApiTestBase {

    private static final int PARALLEL = 10;

    /**
     * A client reads the categories before drafting. In the fresh PostgreSQL context this is the
     * committee's first proposal call, which creates the default settings inside a read request.
     */
    @BeforeAll
    void readTheSettingsFirst() {
        JsonNode settings = ok(200, f.lead().get(P + "/settings"));
        assertThat(settings.path("categories").toString()).contains("城乡建设");
    }

    @Test
    void parallelReviewsOfOneProposalFileItOnce() {
        long session = newSession();
        long id = f.advance(f.draftIn(session), "SUBMITTED", false);
        Api staff = f.staff();

        List<Api.Res> answers = parallel(PARALLEL, i -> staff.post(P + "/" + id + "/review",
                Map.of("decision", "FILE", "reason", "并发立案 " + i)));

        assertOneWinner(answers, 200);
        JsonNode p = f.get(id);
        assertThat(p.path("status").asString()).isEqualTo("FILED");
        assertThat(p.path("number").asString()).isEqualTo("第0001号");
        assertThat(p.path("history").findValuesAsString("action")).containsOnlyOnce("FILE");
        // the losers gave their numbers back: the next filing of the session is number 2
        long next = f.advance(f.draftIn(session), "SUBMITTED", false);
        assertThat(ok(200, staff.post(P + "/" + next + "/review", Map.of("decision", "FILE"))).path("number").asString())
                .isEqualTo("第0002号");
    }

    @Test
    void parallelFilingsInOneSessionGetUniqueConsecutiveNumbers() {
        int count = 2 * PARALLEL; // more than the connection pool holds
        long session = newSession();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(f.advance(f.draftIn(session), "SUBMITTED", false));
        }
        Api staff = f.staff();

        List<Api.Res> answers = parallel(count, i -> staff.post(P + "/" + ids.get(i) + "/review", Map.of("decision", "FILE")));

        assertThat(answers).as("no filing may fail: they do not conflict").allSatisfy(r ->
                assertThat(r.status()).as(r.toString()).isEqualTo(200));
        TreeSet<String> numbers = answers.stream().map(r -> r.get("number")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, count)
                .mapToObj(n -> String.format("第%04d号", n)).toList());
        // numbers are never given twice: a later filing continues after the last
        long later = f.advance(f.draftIn(session), "SUBMITTED", false);
        assertThat(ok(200, staff.post(P + "/" + later + "/review", Map.of("decision", "FILE"))).path("number").asString())
                .isEqualTo(String.format("第%04d号", count + 1));
        // another session counts from 1 again
        long elsewhere = f.advance(f.draftIn(newSession()), "SUBMITTED", false);
        assertThat(ok(200, staff.post(P + "/" + elsewhere + "/review", Map.of("decision", "FILE"))).path("number").asString())
                .isEqualTo("第0001号");
    }

    @Test
    void parallelRepliesOfTheLeadUnitGiveOneReply() {
        long id = f.caseIn("IN_PROGRESS");
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        Api unit = f.leadUnit();

        List<Api.Res> answers = parallel(PARALLEL, i -> unit.post(P + "/" + id + "/reply",
                Map.of("category", "A", "content", "答复 " + i)));

        assertOneWinner(answers, 200);
        JsonNode p = f.get(id);
        assertThat(p.path("status").asString()).isEqualTo("REPLY_REVIEW");
        assertThat(p.path("history").findValuesAsString("action")).containsOnlyOnce("REPLY");
    }

    @Test
    void parallelRatingsOfOneProposerCountOnce() {
        long id = f.caseIn("REPLIED", true);
        Api lead = f.lead();

        List<Api.Res> answers = parallel(PARALLEL, i -> lead.post(P + "/" + id + "/evaluation",
                rating("SATISFIED", i % 2 == 0 ? "SATISFIED" : "UNSATISFIED")));

        assertOneWinner(answers, 201);
        JsonNode p = f.get(id);
        assertThat(p.path("evaluations")).hasSize(1);
        String expected = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().get("status");
        assertThat(p.path("status").asString()).isEqualTo(expected).isIn("CLOSED", "REHANDLING");
        assertThat(p.path("history").findValuesAsString("action")).containsOnlyOnce("EVALUATE");
    }

    @Test
    void parallelRatingsOfDifferentProposersEachCountOnce() {
        long id = f.draft(f.member(1), f.member(2));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        ok(200, f.cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));
        Cases.expectStatus(ok(200, f.cosigner2().post(P + "/" + id + "/cosign", Map.of("accept", true))), "SUBMITTED");
        f.advance(id, "REPLIED", false);
        List<Api> proposers = List.of(f.lead(), f.cosigner(), f.cosigner2());

        // each proposer rates three times at once
        List<Api.Res> answers = parallel(9, i -> proposers.get(i % 3).post(P + "/" + id + "/evaluation",
                rating("SATISFIED", "BASICALLY_SATISFIED")));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
        for (int who = 0; who < 3; who++) {
            int w = who;
            long won = IntStream.range(0, 9).filter(i -> i % 3 == w && answers.get(i).status() == 201).count();
            assertThat(won).as("proposer " + who + " rated at most once").isLessThanOrEqualTo(1);
            if (won == 0) {
                // lost every race to another proposer's rating: rating again now succeeds, once
                ok(201, proposers.get(who).post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
            }
            Cases.refused(409, proposers.get(who).post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED")));
        }
        JsonNode p = f.get(id);
        assertThat(p.path("evaluations")).hasSize(3);
        assertThat(p.path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void coSignersConfirmingAtOnceNeverLeaveTheCaseStuck() {
        long id = f.draft(f.member(1), f.member(2));
        ok(200, f.lead().post(P + "/" + id + "/submit", Map.of()));
        List<Api> coSigners = List.of(f.cosigner(), f.cosigner2());

        List<Api.Res> answers = parallel(2, i -> coSigners.get(i).post(P + "/" + id + "/cosign", Map.of("accept", true)));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        assertThat(answers).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
        for (int i = 0; i < 2; i++) {
            if (answers.get(i).status() == 409) {
                ok(200, coSigners.get(i).post(P + "/" + id + "/cosign", Map.of("accept", true)));
            }
        }
        JsonNode p = f.get(id);
        assertThat(p.path("status").asString()).as("everyone confirmed: submitted").isEqualTo("SUBMITTED");
        assertThat(p.path("proposers").findValuesAsString("confirmation")).containsOnly("ACCEPTED");
    }

    private void assertOneWinner(List<Api.Res> answers, int winner) {
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(winner, 409));
        assertThat(answers.stream().filter(r -> r.status() == winner)).as(answers.toString()).hasSize(1);
        answers.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.get("detail")).isNotBlank());
    }

    private long newSession() {
        return f.newSession(2026);
    }

    /** Fires n calls at once (released together) and collects the answers. */
    static List<Api.Res> parallel(int n, IntFunction<Api.Res> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Api.Res> task = () -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            ready.await();
            go.countDown();
            List<Api.Res> out = new ArrayList<>();
            for (Future<Api.Res> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
