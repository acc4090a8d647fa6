package org.xieshang.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xieshang.evaluation.internal.Scoring.Dimension;
import org.xieshang.evaluation.internal.Scoring.Ranked;
import org.xieshang.evaluation.internal.Scoring.UnitBallots;

/** The proposal-handling dimension from the proposal figures, against values computed by hand. */
class HandlingFigureTest {

    @Test
    void scoreIsHundredTimesTheMeanOfTheOnTimeAndSatisfactionRates() {
        // 3 of 4 replies on time = 0.75; 2 of 3 rated satisfied = 0.666…; 100 × (0.75 + 0.666…) / 2 = 70.8333… → 70.83
        HandlingFigure f = new HandlingFigure(4, 3, 3, 2);
        assertThat(f.onTimeRate()).isEqualByComparingTo("0.7500");
        assertThat(f.satisfactionRate()).isEqualByComparingTo("0.6667");
        assertThat(f.score()).isEqualByComparingTo("70.83");
        // all on time, half satisfied: 100 × (1 + 0.5) / 2 = 75.00
        assertThat(new HandlingFigure(2, 2, 2, 1).score()).isEqualByComparingTo("75.00");
        // a rate without cases is left out: 5 of 8 on time, nothing rated yet → 62.50
        assertThat(new HandlingFigure(8, 5, 0, 0).score()).isEqualByComparingTo("62.50");
        assertThat(new HandlingFigure(8, 5, 0, 0).satisfactionRate()).isNull();
        // neither: no score
        assertThat(new HandlingFigure(0, 0, 0, 0).score()).isNull();
    }

    @Test
    void theFixedScoreReplacesTheBallotsForThatDimensionAndAUnitWithoutFiguresDropsIt() {
        List<Dimension> dims = List.of(new Dimension("DUTY", "职能", new BigDecimal("80")),
                new Dimension("PROPOSAL_HANDLING", "提案办理", new BigDecimal("20")));
        // unit 1: DUTY 80 from ballots, handling 70.83 fixed → (80·80 + 70.83·20)/100 = 78.166 → 78.17
        // unit 2: DUTY (90 + 70)/2 = 80, handling 75 fixed; a ballot's own handling score is ignored → (80·80 + 75·20)/100 = 79.00
        // unit 3: DUTY 85, no figures → the dimension and its weight are left out → 85·80/80 = 85.00
        List<Ranked> r = Scoring.rank(dims, List.of(
                new UnitBallots(1L, "一", List.of(Map.of("DUTY", 80)), Map.of("PROPOSAL_HANDLING", new BigDecimal("70.83"))),
                new UnitBallots(2L, "二", List.of(Map.of("DUTY", 90, "PROPOSAL_HANDLING", 0), Map.of("DUTY", 70)),
                        Map.of("PROPOSAL_HANDLING", new BigDecimal("75.00"))),
                new UnitBallots(3L, "三", List.of(Map.of("DUTY", 85)), Map.of())), Set.of("PROPOSAL_HANDLING"));
        assertThat(r).extracting(Ranked::unitId).containsExactly(3L, 2L, 1L);
        assertThat(r).extracting(Ranked::score).containsExactly(new BigDecimal("85.00"), new BigDecimal("79.00"),
                new BigDecimal("78.17"));
        assertThat(r.get(1).dimensionScores()).containsEntry("PROPOSAL_HANDLING", new BigDecimal("75.00"));
        assertThat(r.get(0).dimensionScores()).doesNotContainKey("PROPOSAL_HANDLING");
    }
}
