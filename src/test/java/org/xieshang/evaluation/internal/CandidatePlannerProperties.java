package org.xieshang.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xieshang.committee.UnitType;
import org.xieshang.evaluation.internal.CandidatePlanner.UnitInfo;

/**
 * 不偏、不漏、不重复 over a term: N years, k units a year, M evaluable units of mixed types (and some
 * townships, which are never proposed). Each year takes the planner's proposal.
 */
class CandidatePlannerProperties {

    @Provide
    Arbitrary<List<UnitType>> unitTypes() {
        return Arbitraries.of(UnitType.values()).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property
    void noUnitTwiceAllCoveredWhenTheNumbersAllowTypesLevel(@ForAll("unitTypes") List<UnitType> types,
                                                            @ForAll @IntRange(min = 1, max = 8) int years,
                                                            @ForAll @IntRange(min = 1, max = 6) int perYear) {
        List<UnitInfo> units = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            units.add(new UnitInfo((long) (i + 1), "单位" + i, types.get(i), null, false));
        }
        long evaluable = types.stream().filter(CandidatePlanner::evaluable).count();
        Set<Long> evaluated = new HashSet<>();
        Map<Long, Integer> lastYear = new HashMap<>();
        for (int y = 0; y < years; y++) {
            List<UnitInfo> state = units.stream().map(u -> new UnitInfo(u.id(), u.name(), u.type(), lastYear.get(u.id()),
                    evaluated.contains(u.id()))).toList();
            List<UnitInfo> picked = CandidatePlanner.propose(state, perYear);
            long waiting = state.stream().filter(u -> CandidatePlanner.evaluable(u.type()) && !u.evaluatedInTerm()).count();
            assertThat(picked).hasSize((int) Math.min(perYear, waiting));
            for (UnitInfo u : picked) {
                assertThat(u.type()).isNotEqualTo(UnitType.TOWNSHIP);
                assertThat(evaluated.add(u.id())).as("unit %s chosen twice", u.id()).isTrue();
                lastYear.put(u.id(), 2020 + y);
            }
            // types level: any two types that still have units waiting differ by at most one evaluation in the term
            Map<UnitType, Integer> done = new EnumMap<>(UnitType.class);
            Map<UnitType, Integer> left = new EnumMap<>(UnitType.class);
            for (UnitInfo u : units) {
                if (CandidatePlanner.evaluable(u.type())) {
                    (evaluated.contains(u.id()) ? done : left).merge(u.type(), 1, Integer::sum);
                }
            }
            for (UnitType a : left.keySet()) {
                for (UnitType b : left.keySet()) {
                    assertThat(Math.abs(done.getOrDefault(a, 0) - done.getOrDefault(b, 0))).as("%s vs %s", a, b)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
        if ((long) years * perYear >= evaluable) {
            assertThat(evaluated).hasSize((int) evaluable);
        }
    }

    @Property
    void deterministic(@ForAll("unitTypes") List<UnitType> types, @ForAll @IntRange(min = 1, max = 6) int perYear) {
        List<UnitInfo> units = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            units.add(new UnitInfo((long) (i + 1), "单位" + i, types.get(i), i % 3 == 0 ? 2018 + i % 5 : null, i % 4 == 0));
        }
        List<UnitInfo> reversed = new ArrayList<>(units);
        java.util.Collections.reverse(reversed);
        assertThat(CandidatePlanner.propose(reversed, perYear)).isEqualTo(CandidatePlanner.propose(units, perYear));
    }
}
