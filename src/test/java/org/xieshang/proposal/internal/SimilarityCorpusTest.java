package org.xieshang.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.query.ProposalSearch;
import org.xieshang.proposal.internal.repository.ProposalRepository;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates similar-case detection on a labelled corpus of realistic proposals written for it
 * (src/test/resources/similarity/corpus.json): originals on distinct matters, rewritten
 * duplicates (other wording, paragraphs reordered or trimmed) and near-misses (same topic,
 * another matter). Originals and near-misses are the committee's earlier cases; each duplicate
 * is typed as a new text. The original must come first (≥ 95%), and no pair of different
 * matters may score 0.5 or more. The figures go to target/similarity-report.txt.
 */
class SimilarityCorpusTest extends ApiTestBase {

    private static final Logger log = LoggerFactory.getLogger(SimilarityCorpusTest.class);

    @Autowired
    ProposalRepository proposals;
    @Autowired
    ProposalSearch search;
    @Autowired
    ReferenceDataChanges reference;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.xieshang.setup.CommitteeProvisioning provisioning;

    record Item(String key, String kind, String of, String group, String category, String title, String background,
                String suggestions) {
    }

    @Test
    void findsTheOriginalAndKeepsUnrelatedCasesLow() throws Exception {
        List<Item> corpus = load();
        // a committee of its own, so that other tests' cases cannot take a place in the ranking
        Long committeeId = provisioning.provision(TestSupport.unique("语料区政协"), TestSupport.unique("corpus").replace("-", "."),
                "corpus-admin-1").id();
        Map<Long, Item> byId = new HashMap<>();
        SystemActor.runAs(committeeId, () -> tx.executeWithoutResult(s -> {
            var term = reference.createTerm(TestSupport.unique("届"), LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31));
            var session = reference.createSession(term.id(), "第一次会议", 2021, LocalDate.of(2021, 1, 10));
            for (Item item : corpus) {
                if (item.kind().equals("DUPLICATE")) {
                    continue;
                }
                Proposal p = new Proposal(session.id(), item.title(), item.background(), item.suggestions(), "其他",
                        ProposerKind.INDIVIDUAL, null, false);
                p.moveTo(ProposalStatus.FILED);
                byId.put(proposals.save(p).getId(), item);
            }
        }));

        int duplicates = 0;
        int top1 = 0;
        int unrelatedPairs = 0;
        int unrelatedHigh = 0;
        double minDuplicateScore = 1;
        double maxUnrelatedScore = 0;
        List<String> misses = new ArrayList<>();
        List<Double> duplicateScores = new ArrayList<>();
        List<Double> unrelatedScores = new ArrayList<>();
        List<Double> nearMissScores = new ArrayList<>();
        for (Item query : corpus) {
            List<ProposalSearch.Similar> found = SystemActor.callAs(committeeId, () -> query.kind().equals("DUPLICATE")
                    ? search.similarToText(query.title(), query.background() + "\n" + query.suggestions(), 60)
                    : search.similarTo(idOf(byId, query.key()), 60));
            for (ProposalSearch.Similar s : found) {
                Item other = byId.get(s.id());
                if (other != null && other.group().equals(query.group()) && (other.kind().equals("NEAR_MISS")
                        || query.kind().equals("NEAR_MISS"))) {
                    nearMissScores.add(s.score());
                }
                if (other != null && !other.group().equals(query.group())) {
                    unrelatedPairs++;
                    unrelatedScores.add(s.score());
                    maxUnrelatedScore = Math.max(maxUnrelatedScore, s.score());
                    if (s.score() >= 0.5) {
                        unrelatedHigh++;
                        misses.add("unrelated high: " + query.key() + " ~ " + other.key() + " = " + s.score());
                    }
                }
            }
            if (query.kind().equals("DUPLICATE")) {
                duplicates++;
                String first = found.isEmpty() ? null : byId.get(found.get(0).id()).key();
                if (query.of().equals(first)) {
                    top1++;
                    duplicateScores.add(found.get(0).score());
                    minDuplicateScore = Math.min(minDuplicateScore, found.get(0).score());
                } else {
                    misses.add("top-1 miss: " + query.key() + " → " + first + " (expected " + query.of() + ")");
                }
            }
        }
        double accuracy = duplicates == 0 ? 0 : (double) top1 / duplicates;
        double unrelatedRate = unrelatedPairs == 0 ? 0 : (double) unrelatedHigh / unrelatedPairs;
        String report = String.format("corpus: %d items, %d duplicates%n top-1 accuracy: %d/%d = %.1f%%%n"
                        + " unrelated pairs scoring >= 0.5: %d/%d = %.2f%%%n lowest score of a found original: %.3f%n"
                        + " highest score of an unrelated pair: %.3f%n"
                        + " duplicate→original scores: %s%n near-miss↔original scores: %s%n unrelated scores: %s%n%s",
                corpus.size(), duplicates, top1, duplicates, accuracy * 100, unrelatedHigh, unrelatedPairs,
                unrelatedRate * 100, minDuplicateScore, maxUnrelatedScore, percentiles(duplicateScores),
                percentiles(nearMissScores), percentiles(unrelatedScores), String.join("\n", misses));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/similarity-report.txt"), report);
        log.info("similarity evaluation\n{}", report);
        assertThat(duplicates).isGreaterThanOrEqualTo(30);
        assertThat(accuracy).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(unrelatedHigh).as(report).isZero();
    }

    /** min / p10 / median / p90 / max of a list of scores. */
    static String percentiles(List<Double> scores) {
        if (scores.isEmpty()) {
            return "-";
        }
        List<Double> sorted = scores.stream().sorted().toList();
        java.util.function.IntFunction<Double> at = i -> sorted.get(Math.min(sorted.size() - 1, i));
        return String.format("min %.3f, p10 %.3f, median %.3f, p90 %.3f, max %.3f (n=%d)", sorted.get(0),
                at.apply(sorted.size() / 10), at.apply(sorted.size() / 2), at.apply(sorted.size() * 9 / 10),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static Long idOf(Map<Long, Item> byId, String key) {
        return byId.entrySet().stream().filter(e -> e.getValue().key().equals(key)).findFirst().orElseThrow().getKey();
    }

    private static List<Item> load() throws Exception {
        try (InputStream in = SimilarityCorpusTest.class.getResourceAsStream("/similarity/corpus.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Item> items = new ArrayList<>();
            for (JsonNode n : root) {
                items.add(new Item(n.path("key").asString(), n.path("kind").asString(),
                        n.path("of").isNull() ? null : n.path("of").asString(), n.path("group").asString(),
                        n.path("category").asString(), n.path("title").asString(), n.path("background").asString(),
                        n.path("suggestions").asString()));
            }
            return items;
        }
    }
}
