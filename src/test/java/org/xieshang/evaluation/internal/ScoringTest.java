package org.xieshang.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.evaluation.internal.Scoring.Dimension;
import org.xieshang.evaluation.internal.Scoring.Ranked;
import org.xieshang.evaluation.internal.Scoring.TownshipRow;
import org.xieshang.evaluation.internal.Scoring.UnitBallots;

/** Weighted scores, ranking and the top-ten mark against values computed by hand. */
class ScoringTest {

    static final List<Dimension> DIMS = List.of(new Dimension("A", "甲", new BigDecimal("60")),
            new Dimension("B", "乙", new BigDecimal("40")));

    @Test
    void weightedScoresAveragesAndRanking() {
        // unit 1: A avg (90+80)/2 = 85, B avg (70+75)/2 = 72.5 → (85·60 + 72.5·40)/100 = 80.00
        // unit 2: A 95, B 60 → (95·60 + 60·40)/100 = 81.00
        // unit 3: A avg (80+81+81)/3 = 80.666…, B 80 → (80.666…·60 + 80·40)/100 = 80.40
        // unit 4: no ballots → unranked, last
        List<Ranked> r = Scoring.rank(DIMS, List.of(
                new UnitBallots(1L, "一", List.of(Map.of("A", 90, "B", 70), Map.of("A", 80, "B", 75))),
                new UnitBallots(2L, "二", List.of(Map.of("A", 95, "B", 60))),
                new UnitBallots(3L, "三", List.of(Map.of("A", 80, "B", 80), Map.of("A", 81, "B", 80), Map.of("A", 81, "B", 80))),
                new UnitBallots(4L, "四", List.of())));
        assertThat(r).extracting(Ranked::unitId).containsExactly(2L, 3L, 1L, 4L);
        assertThat(r).extracting(Ranked::score).containsExactly(new BigDecimal("81.00"), new BigDecimal("80.40"),
                new BigDecimal("80.00"), null);
        assertThat(r).extracting(Ranked::rank).containsExactly(1, 2, 3, null);
        assertThat(r).extracting(Ranked::topTen).containsExactly(true, false, false, false);
        assertThat(r.get(1).dimensionScores()).containsEntry("A", new BigDecimal("80.67")).containsEntry("B", new BigDecimal("80.00"));
        assertThat(r.get(2).dimensionScores()).containsEntry("B", new BigDecimal("72.50"));
        assertThat(r.get(1).ballots()).isEqualTo(3);
    }

    @Test
    void equalScoresShareARank() {
        List<Ranked> r = Scoring.rank(DIMS, List.of(
                new UnitBallots(1L, "一", List.of(Map.of("A", 90, "B", 90))),
                new UnitBallots(2L, "二", List.of(Map.of("A", 90, "B", 90))),
                new UnitBallots(3L, "三", List.of(Map.of("A", 10, "B", 10)))));
        assertThat(r).extracting(Ranked::rank).containsExactly(1, 1, 3);
        assertThat(r).extracting(Ranked::topTen).containsExactly(true, true, false);
    }

    @Test
    void townshipWeightedScoreFollowsTheYearsWeight() {
        // 90 of 100 points: weight 1.5 → 1.35, weight 2 → 1.80; 77.5 of 100 at weight 2 → 1.55
        assertThat(Scoring.weighted(new BigDecimal("90"), new BigDecimal("100"), new BigDecimal("1.5"))).isEqualByComparingTo("1.35");
        assertThat(Scoring.weighted(new BigDecimal("90"), new BigDecimal("100"), new BigDecimal("2"))).isEqualByComparingTo("1.80");
        assertThat(Scoring.weighted(new BigDecimal("77.5"), new BigDecimal("100"), new BigDecimal("2"))).isEqualByComparingTo("1.55");
        List<TownshipRow> ranked = Scoring.townships(List.of(
                new TownshipRow(1L, "甲镇", new BigDecimal("77.5"), new BigDecimal("100"), new BigDecimal("1.55"), null),
                new TownshipRow(2L, "乙街道", new BigDecimal("90"), new BigDecimal("100"), new BigDecimal("1.80"), null)));
        assertThat(ranked).extracting(TownshipRow::unitId).containsExactly(2L, 1L);
        assertThat(ranked).extracting(TownshipRow::rank).containsExactly(1, 2);
    }
}
