package org.xieshang.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.committee.UnitType;
import org.xieshang.evaluation.internal.CandidatePlanner.UnitInfo;

class CandidatePlannerTest {

    static UnitInfo u(long id, UnitType type, Integer last, boolean inTerm) {
        return new UnitInfo(id, "单位" + id, type, last, inTerm);
    }

    @Test
    void notYetEvaluatedFirstSpreadAcrossTypesWithTheStatedTieBreak() {
        List<UnitInfo> units = List.of(
                u(1, UnitType.DEPARTMENT, null, true),   // evaluated this term: never proposed
                u(2, UnitType.DEPARTMENT, 2019, false),
                u(3, UnitType.DEPARTMENT, null, false),
                u(4, UnitType.PARTY_DEPARTMENT, null, false),
                u(5, UnitType.OTHER, null, false),
                u(6, UnitType.TOWNSHIP, null, false));   // townships have their own assessment
        // DEPARTMENT already has one in the term, so PARTY_DEPARTMENT and OTHER come first (enum order breaks their tie);
        // then DEPARTMENT: never evaluated (3) before evaluated in 2019 (2)
        assertThat(CandidatePlanner.propose(units, 4)).extracting(UnitInfo::id).containsExactly(4L, 5L, 3L, 2L);
        assertThat(CandidatePlanner.propose(units, 10)).hasSize(4);
    }

    @Test
    void coverageSaysWhenTheNumbersDoNotAllow() {
        List<UnitInfo> units = List.of(u(1, UnitType.DEPARTMENT, null, false), u(2, UnitType.DEPARTMENT, null, false),
                u(3, UnitType.OTHER, null, false), u(4, UnitType.OTHER, null, true));
        assertThat(CandidatePlanner.coverage(units, 1, 3).allCovered()).isTrue();
        assertThat(CandidatePlanner.coverage(units, 1, 3).enoughUnits()).isTrue();
        assertThat(CandidatePlanner.coverage(units, 1, 2).allCovered()).isFalse();
        assertThat(CandidatePlanner.coverage(units, 2, 3).enoughUnits()).isFalse();
    }
}
