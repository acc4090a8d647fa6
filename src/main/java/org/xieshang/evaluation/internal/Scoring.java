package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of an evaluation from its ballots. Pure. Per unit: the average of each dimension over the
 * unit's ballots, and the weighted score Σ(average × weight) / Σ weight, both to two decimals (half
 * up, computed from the exact averages). Ranking by score, highest first; equal scores share a rank
 * (1, 1, 3); units without ballots have no score and come last, unranked. Rank 1 is the annual top
 * ten (年度十佳) mark. A dimension filled from figures (the proposal handling, when the year's settings say
 * so) takes the unit's fixed score instead of the ballots' average; a unit without such a score leaves
 * the dimension and its weight out of its weighted score.
 */
final class Scoring {

    record Dimension(String code, String name, BigDecimal weight) {
    }

    record UnitBallots(Long unitId, String unitName, List<Map<String, Integer>> ballots, Map<String, BigDecimal> fixed) {
        UnitBallots(Long unitId, String unitName, List<Map<String, Integer>> ballots) {
            this(unitId, unitName, ballots, Map.of());
        }
    }

    record Ranked(Long unitId, String unitName, BigDecimal score, Map<String, BigDecimal> dimensionScores, int ballots,
                  Integer rank, boolean topTen) {
    }

    private static final MathContext EXACT = new MathContext(20);

    private Scoring() {
    }

    static List<Ranked> rank(List<Dimension> dimensions, List<UnitBallots> units) {
        return rank(dimensions, units, java.util.Set.of());
    }

    /** {@code fixedDimensions}: the codes scored from figures, not by the ballots. */
    static List<Ranked> rank(List<Dimension> dimensions, List<UnitBallots> units, java.util.Set<String> fixedDimensions) {
        List<Ranked> scored = new ArrayList<>();
        for (UnitBallots u : units) {
            Map<String, BigDecimal> averages = new LinkedHashMap<>();
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal totalWeight = BigDecimal.ZERO;
            int n = u.ballots().size();
            for (Dimension d : dimensions) {
                if (n == 0) {
                    continue;
                }
                if (fixedDimensions.contains(d.code())) {
                    BigDecimal fixed = u.fixed().get(d.code());
                    if (fixed != null) {
                        averages.put(d.code(), fixed.setScale(2, RoundingMode.HALF_UP));
                        weighted = weighted.add(fixed.multiply(d.weight(), EXACT));
                        totalWeight = totalWeight.add(d.weight());
                    }
                    continue;
                }
                totalWeight = totalWeight.add(d.weight());
                long sum = 0;
                for (Map<String, Integer> b : u.ballots()) {
                    sum += b.getOrDefault(d.code(), 0);
                }
                BigDecimal avg = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), EXACT);
                averages.put(d.code(), avg.setScale(2, RoundingMode.HALF_UP));
                weighted = weighted.add(avg.multiply(d.weight(), EXACT));
            }
            BigDecimal score = n == 0 || totalWeight.signum() == 0 ? null
                    : weighted.divide(totalWeight, EXACT).setScale(2, RoundingMode.HALF_UP);
            scored.add(new Ranked(u.unitId(), u.unitName(), score, averages, n, null, false));
        }
        scored.sort(Comparator.comparing(Ranked::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Ranked::unitId));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Ranked r = scored.get(i);
            Integer rank = null;
            if (r.score() != null) {
                rank = i > 0 && ranked.get(i - 1).score() != null && ranked.get(i - 1).score().compareTo(r.score()) == 0
                        ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(new Ranked(r.unitId(), r.unitName(), r.score(), r.dimensionScores(), r.ballots(), rank,
                    rank != null && rank == 1));
        }
        return ranked;
    }

    /** Township results: raw points, and raw / maximum × the year's weight, to two decimals; ranked as above. */
    record TownshipRow(Long unitId, String unitName, BigDecimal rawScore, BigDecimal maxScore, BigDecimal weightedScore,
                       Integer rank) {
    }

    static BigDecimal weighted(BigDecimal raw, BigDecimal max, BigDecimal weight) {
        if (max.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return raw.multiply(weight, EXACT).divide(max, EXACT).setScale(2, RoundingMode.HALF_UP);
    }

    static List<TownshipRow> townships(List<TownshipRow> rows) {
        List<TownshipRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(TownshipRow::rawScore, Comparator.reverseOrder()).thenComparing(TownshipRow::unitId));
        List<TownshipRow> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TownshipRow r = sorted.get(i);
            int rank = i > 0 && out.get(i - 1).rawScore().compareTo(r.rawScore()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new TownshipRow(r.unitId(), r.unitName(), r.rawScore(), r.maxScore(), r.weightedScore(), rank));
        }
        return out;
    }
}
