package org.xieshang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.PointsCalculator.Fact;
import org.xieshang.assessment.internal.PointsCalculator.Line;
import org.xieshang.assessment.internal.PointsCalculator.Result;
import org.xieshang.assessment.internal.PointsRules.GradeLine;
import org.xieshang.assessment.internal.PointsRules.Item;
import org.xieshang.socialreport.AdoptionLevel;

/** Properties of the points calculator over random rules and duty records. */
class PointsCalculatorProperties {

    @Property(tries = 300)
    void theTotalIsTheBasePlusTheSumOfTheCappedItems(@ForAll("rules") PointsRules rules, @ForAll("facts") List<Fact> facts) {
        Result r = PointsCalculator.assess(rules, facts);
        assertThat(r.total()).isEqualTo(r.base() + r.lines().stream().mapToInt(Line::points).sum());
        for (Line l : r.lines()) {
            if (l.cap() != null) {
                assertThat(Math.abs(l.points())).isLessThanOrEqualTo(l.cap());
            }
            assertThat(Math.abs(l.points())).isLessThanOrEqualTo(Math.abs(l.uncapped()));
            assertThat(l.count()).isEqualTo(l.entryIds().size());
        }
        // every entry is counted at most once
        assertThat(r.lines().stream().mapToLong(l -> l.entryIds().size()).sum()).isLessThanOrEqualTo(facts.size());
    }

    @Property(tries = 300)
    void theGradeNeverFallsWhenPointsRise(@ForAll("rules") PointsRules rules, @ForAll("facts") List<Fact> facts,
                                          @ForAll("positive") int extra) {
        Result before = PointsCalculator.assess(rules, facts);
        List<Fact> more = new ArrayList<>(facts);
        more.add(new Fact(999_999L, DutyKind.MANUAL, null, null, LocalDate.of(2026, 5, 5), "extra", extra));
        PointsRules uncappedManual = new PointsRules(rules.year(), rules.basePoints(),
                rules.items().stream().filter(i -> i.kind() != DutyKind.MANUAL).toList(), rules.grades());
        Result low = PointsCalculator.assess(uncappedManual, facts);
        Result high = PointsCalculator.assess(uncappedManual, more);
        assertThat(high.total()).isGreaterThanOrEqualTo(low.total());
        assertThat(high.grade().ordinal()).isLessThanOrEqualTo(low.grade().ordinal());
        // and directly on totals
        for (int t = before.total() - 50; t < before.total() + 50; t++) {
            assertThat(PointsCalculator.grade(rules, t + 1).ordinal()).isLessThanOrEqualTo(PointsCalculator.grade(rules, t).ordinal());
        }
    }

    @Property(tries = 200)
    void theSameInputsGiveTheIdenticalResult(@ForAll("rules") PointsRules rules, @ForAll("facts") List<Fact> facts) {
        Result a = PointsCalculator.assess(rules, facts);
        Result b = PointsCalculator.assess(rules, new ArrayList<>(facts));
        assertThat(b).isEqualTo(a);
        // a reproduced rules snapshot (as a run keeps it) gives the same result too
        PointsRules copy = RulesService.parse(RulesService.JSON.writeValueAsString(rules));
        assertThat(PointsCalculator.assess(copy, facts)).isEqualTo(a);
    }

    @Provide
    Arbitrary<Integer> positive() {
        return Arbitraries.integers().between(1, 200);
    }

    @Provide
    Arbitrary<PointsRules> rules() {
        Arbitrary<Item> item = Combinators.combine(Arbitraries.of(DutyKind.class),
                Arbitraries.of(ActivityType.class).injectNull(0.6), Arbitraries.integers().between(-20, 60),
                Arbitraries.integers().between(0, 80).injectNull(0.4)).as((k, t, p, c) ->
                new Item(k, k.name().startsWith("ACTIVITY_") ? t : null, null, p, c));
        Arbitrary<List<Item>> items = item.list().ofMaxSize(12).uniqueElements(i -> i.kind() + "/" + i.activityType());
        Arbitrary<List<GradeLine>> grades = Arbitraries.integers().between(0, 150).list().ofSize(3).map(l -> {
            List<Integer> s = new ArrayList<>(l);
            s.sort(java.util.Comparator.reverseOrder());
            return List.of(new GradeLine(Grade.EXCELLENT, s.get(0)), new GradeLine(Grade.QUALIFIED, s.get(1)),
                    new GradeLine(Grade.BASICALLY_QUALIFIED, s.get(2)), new GradeLine(Grade.UNQUALIFIED, 0));
        });
        return Combinators.combine(Arbitraries.integers().between(-20, 100), items, grades)
                .as((base, is, gs) -> new PointsRules(2026, base, is, gs));
    }

    @Provide
    Arbitrary<List<Fact>> facts() {
        Arbitrary<Fact> fact = Combinators.combine(Arbitraries.of(DutyKind.class), Arbitraries.of(ActivityType.class),
                Arbitraries.of(AdoptionLevel.class), Arbitraries.integers().between(-30, 30)).as((k, t, l, p) ->
                new Fact(0, k, t, k == DutyKind.SOCIAL_REPORT_ADOPTED ? l : null, LocalDate.of(2026, 3, 1), k.name(),
                        k == DutyKind.MANUAL ? p : null));
        return fact.list().ofMaxSize(60).map(list -> {
            List<Fact> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Fact f = list.get(i);
                numbered.add(new Fact(i + 1, f.kind(), f.activityType(), f.level(), f.date(), f.description(), f.points()));
            }
            return numbered;
        });
    }
}
