package org.xieshang.proposal.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.xieshang.search.TextSimilarity;

/** Which words the similar cases' candidate query keeps (common words out, never fewer than the minimum). */
class SimilarQueryTermsTest {

    private static final long DOCS = 1_000_000;

    private static List<String> words(List<Map.Entry<String, Double>> terms) {
        return terms.stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void leavesOutWordsFoundInMoreThanTheShareOfCases() {
        Map<String, Long> df = new HashMap<>();
        Map<String, Double> source = new HashMap<>();
        for (int i = 0; i < 20; i++) { // rare words, weightier
            df.put("rare" + i, 100L + i);
            source.put("rare" + i, 10.0 - i * 0.1);
        }
        df.put("edge", (long) (ProposalSearch.COMMON_SHARE * DOCS)); // exactly at the share: kept
        source.put("edge", 5.0);
        df.put("common", (long) (ProposalSearch.COMMON_SHARE * DOCS) + 1); // just above: left out
        source.put("common", 9.95);
        ToDoubleFunction<String> idf = w -> TextSimilarity.idf(df.get(w), DOCS);

        List<String> kept = words(ProposalSearch.queryTerms(source, idf, ProposalSearch.commonIdf(DOCS)));

        assertThat(kept).hasSize(21).contains("edge", "rare0", "rare19").doesNotContain("common");
        assertThat(kept.get(0)).isEqualTo("rare0");
    }

    @Test
    void keepsTheWeightiestCommonWordsWhenTooFewRareOnesRemain() {
        Map<String, Long> df = new HashMap<>();
        Map<String, Double> source = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            df.put("rare" + i, 50L);
            source.put("rare" + i, 8.0 - i);
        }
        for (int i = 0; i < 12; i++) {
            df.put("common" + i, 300_000L);
            source.put("common" + i, 3.0 - i * 0.1);
        }
        ToDoubleFunction<String> idf = w -> TextSimilarity.idf(df.get(w), DOCS);

        List<String> kept = words(ProposalSearch.queryTerms(source, idf, ProposalSearch.commonIdf(DOCS)));

        assertThat(kept).hasSize(ProposalSearch.MIN_QUERY_TERMS)
                .containsExactly("rare0", "rare1", "rare2", "rare3", "common0", "common1", "common2", "common3", "common4",
                        "common5");
    }

    @Test
    void inASmallIndexAWordIsCommonOnlyBeyondTheMinimumOfCases() {
        long docs = 10_000; // 2 % would be 200 cases
        Map<String, Long> df = new HashMap<>();
        Map<String, Double> source = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            df.put("w" + i, 10L);
            source.put("w" + i, 10.0 - i * 0.1);
        }
        df.put("frequent", ProposalSearch.MIN_COMMON_CASES); // in 10 % of the cases, but short postings: kept
        source.put("frequent", 9.95);
        df.put("common", ProposalSearch.MIN_COMMON_CASES + 1);
        source.put("common", 9.85);
        ToDoubleFunction<String> idf = w -> TextSimilarity.idf(df.get(w), docs);

        List<String> kept = words(ProposalSearch.queryTerms(source, idf, ProposalSearch.commonIdf(docs)));

        assertThat(kept).hasSize(13).contains("frequent").doesNotContain("common");
    }

    @Test
    void withoutIndexStatisticsTakesTheWeightiestWords() {
        Map<String, Double> source = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            source.put("w" + i, 100.0 - i);
        }
        List<String> kept = words(ProposalSearch.queryTerms(source, null, 0));
        assertThat(kept).hasSize(ProposalSearch.QUERY_TERMS).startsWith("w0", "w1").doesNotContain("w30");
    }
}
