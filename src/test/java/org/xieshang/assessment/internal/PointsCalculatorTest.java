package org.xieshang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.PointsCalculator.Fact;
import org.xieshang.assessment.internal.PointsCalculator.Line;
import org.xieshang.assessment.internal.PointsCalculator.Result;
import org.xieshang.assessment.internal.PointsRules.GradeLine;
import org.xieshang.assessment.internal.PointsRules.Item;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.socialreport.AdoptionLevel;

/** The points calculator over a hand-built fixture: totals, caps, deductions and grades computed by hand. */
class PointsCalculatorTest {

    static final LocalDate D = LocalDate.of(2026, 6, 1);
    long ids;

    Fact fact(DutyKind kind, ActivityType type) {
        return new Fact(++ids, kind, type, null, D, kind.name(), null);
    }

    Fact adopted(AdoptionLevel level) {
        return new Fact(++ids, DutyKind.SOCIAL_REPORT_ADOPTED, null, level, D, "adopted", null);
    }

    Fact manual(int points) {
        return new Fact(++ids, DutyKind.MANUAL, null, null, D, "manual", points);
    }

    List<Fact> times(int n, DutyKind kind, ActivityType type) {
        List<Fact> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(fact(kind, type));
        }
        return list;
    }

    static Line line(Result r, DutyKind kind, ActivityType type) {
        return r.lines().stream().filter(l -> l.kind() == kind && l.activityType() == type).findFirst().orElseThrow();
    }

    @Test
    void theDefaultsOnAHandBuiltYear() {
        PointsRules rules = PointsRules.defaults(2026);
        List<Fact> facts = new ArrayList<>();
        facts.add(fact(DutyKind.ACTIVITY_PRESENT, ActivityType.PLENARY));          // 50
        facts.addAll(times(7, DutyKind.ACTIVITY_PRESENT, ActivityType.RESEARCH));   // 7 × 2 = 14, cap 10 → 10
        facts.addAll(times(2, DutyKind.ACTIVITY_ABSENT, ActivityType.STANDING_COMMITTEE_MEETING)); // −10
        facts.add(fact(DutyKind.ACTIVITY_ABSENT, ActivityType.INSPECTION));         // no item: 0, but an absence
        facts.addAll(times(2, DutyKind.PROPOSAL_SUBMITTED, null));                  // 20, cap 10 → 10
        facts.add(fact(DutyKind.PROPOSAL_FILED, null));                             // 15
        facts.add(fact(DutyKind.PROPOSAL_COSIGNED, null));                          // no item: 0
        facts.add(fact(DutyKind.SOCIAL_REPORT_SUBMITTED, null));                    // 10
        facts.add(adopted(AdoptionLevel.CITY));                                     // 5
        facts.add(manual(-4));                                                      // −4
        Result r = PointsCalculator.assess(rules, facts);
        // 50 + 10 − 10 + 10 + 15 + 10 + 5 − 4 = 86
        assertThat(r.total()).isEqualTo(86);
        assertThat(r.grade()).isEqualTo(Grade.QUALIFIED);
        assertThat(r.absences()).isEqualTo(3);
        Line research = line(r, DutyKind.ACTIVITY_PRESENT, null);
        assertThat(research.count()).isEqualTo(7);
        assertThat(research.uncapped()).isEqualTo(14);
        assertThat(research.points()).isEqualTo(10);
        assertThat(research.capped()).isTrue();
        Line absent = line(r, DutyKind.ACTIVITY_ABSENT, ActivityType.STANDING_COMMITTEE_MEETING);
        assertThat(absent.points()).isEqualTo(-10);
        assertThat(absent.capped()).isFalse();
        assertThat(line(r, DutyKind.ACTIVITY_PRESENT, ActivityType.PLENARY).points()).isEqualTo(50);
        assertThat(line(r, DutyKind.MANUAL, null).points()).isEqualTo(-4);
        assertThat(r.lines().stream().mapToInt(Line::points).sum() + r.base()).isEqualTo(r.total());
        assertThat(r.lines().stream().anyMatch(l -> l.kind() == DutyKind.PROPOSAL_COSIGNED)).isFalse();
    }

    @Test
    void ownRulesWithBasePointsLevelsCapsOnDeductionsAndGrades() {
        PointsRules rules = new PointsRules(2026, 20, List.of(
                new Item(DutyKind.SOCIAL_REPORT_ADOPTED, null, null, 5, null),
                new Item(DutyKind.SOCIAL_REPORT_ADOPTED, null, AdoptionLevel.PROVINCE, 20, null),
                new Item(DutyKind.ACTIVITY_ABSENT, null, null, -6, 15),
                new Item(DutyKind.SPEECH, null, null, 4, 8),
                new Item(DutyKind.MANUAL, null, null, 0, 5)),
                List.of(new GradeLine(Grade.EXCELLENT, 50), new GradeLine(Grade.QUALIFIED, 30),
                        new GradeLine(Grade.BASICALLY_QUALIFIED, 20), new GradeLine(Grade.UNQUALIFIED, 0))).validated(2026);
        List<Fact> facts = new ArrayList<>();
        facts.add(adopted(AdoptionLevel.DISTRICT));                 // 5
        facts.add(adopted(AdoptionLevel.PROVINCE));                 // 20 (the more specific item)
        facts.addAll(times(3, DutyKind.ACTIVITY_ABSENT, ActivityType.STUDY)); // −18, cap 15 → −15
        facts.addAll(times(3, DutyKind.SPEECH, ActivityType.CONSULTATION));   // 12, cap 8 → 8
        facts.add(manual(4));
        facts.add(manual(3));                                       // 7, cap 5 → 5
        Result r = PointsCalculator.assess(rules, facts);
        // 20 + 5 + 20 − 15 + 8 + 5 = 43
        assertThat(r.total()).isEqualTo(43);
        assertThat(r.grade()).isEqualTo(Grade.QUALIFIED);
        assertThat(line(r, DutyKind.ACTIVITY_ABSENT, null).points()).isEqualTo(-15);
        assertThat(line(r, DutyKind.ACTIVITY_ABSENT, null).capped()).isTrue();
        assertThat(line(r, DutyKind.MANUAL, null).points()).isEqualTo(5);
        assertThat(r.lines().stream().filter(l -> l.kind() == DutyKind.SOCIAL_REPORT_ADOPTED).mapToInt(Line::points))
                .containsExactlyInAnyOrder(5, 20);

        // without the province report: 23 → BASICALLY_QUALIFIED; nothing at all: 20 → BASICALLY_QUALIFIED; below → UNQUALIFIED
        facts.remove(1);
        assertThat(PointsCalculator.assess(rules, facts).total()).isEqualTo(23);
        assertThat(PointsCalculator.assess(rules, facts).grade()).isEqualTo(Grade.BASICALLY_QUALIFIED);
        assertThat(PointsCalculator.assess(rules, List.of(manual(-1))).grade()).isEqualTo(Grade.UNQUALIFIED);
    }

    @Test
    void whatIsMissingInPlainNumbers() {
        PointsRules rules = PointsRules.defaults(2026);
        List<Fact> facts = new ArrayList<>();
        facts.add(fact(DutyKind.ACTIVITY_PRESENT, ActivityType.PLENARY));   // 50
        facts.addAll(times(1, DutyKind.ACTIVITY_PRESENT, ActivityType.RESEARCH)); // 2 → 52, 8 short
        Result r = PointsCalculator.assess(rules, facts);
        List<PointsCalculator.Need> needs = PointsCalculator.missing(rules, r);
        // 8 short: 4 more activities (room 8 under the cap), or a proposal (10), a filed one (15), a report (10)
        assertThat(needs).contains(new PointsCalculator.Need(DutyKind.ACTIVITY_PRESENT, null, 4),
                new PointsCalculator.Need(DutyKind.PROPOSAL_SUBMITTED, null, 1));
        assertThat(needs.stream().noneMatch(n -> n.kind() == DutyKind.SOCIAL_REPORT_ADOPTED)).isTrue(); // 5 < 8
        facts.addAll(times(4, DutyKind.ACTIVITY_PRESENT, ActivityType.STUDY));
        assertThat(PointsCalculator.missing(rules, PointsCalculator.assess(rules, facts))).isEmpty();
    }

    @Test
    void whenNoSingleItemClosesTheGapTheBestPayingOnesTogetherDo() {
        PointsRules rules = PointsRules.defaults(2026);
        PointsCalculator.Plan plan = PointsCalculator.plan(rules, PointsCalculator.assess(rules, List.of(manual(6))));
        // 54 short: the plenary (50), then a filed proposal (15); never advised to take leave
        assertThat(plan.alternatives()).isFalse();
        assertThat(plan.needs()).containsExactly(new PointsCalculator.Need(DutyKind.ACTIVITY_PRESENT, ActivityType.PLENARY, 1),
                new PointsCalculator.Need(DutyKind.PROPOSAL_FILED, null, 1));
    }

    @Test
    void invalidRulesAreRefusedFieldByField() {
        PointsRules bad = new PointsRules(2026, 0, List.of(new Item(DutyKind.PROPOSAL_FILED, ActivityType.PLENARY,
                AdoptionLevel.CITY, null, -1), new Item(null, null, null, 1, null)),
                List.of(new GradeLine(Grade.EXCELLENT, 40), new GradeLine(Grade.QUALIFIED, 60),
                        new GradeLine(Grade.BASICALLY_QUALIFIED, 50)));
        assertThatThrownBy(() -> bad.validated(2026)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.problems().stream().map(InvalidInput.FieldProblem::field)).contains("items[0].points",
                        "items[0].cap", "items[0].level", "items[0].activityType", "items[1].kind", "grades"));
        PointsRules twice = new PointsRules(2026, 0, List.of(new Item(DutyKind.SPEECH, null, null, 1, null),
                new Item(DutyKind.SPEECH, null, null, 2, null)), PointsRules.defaults(2026).grades());
        assertThatThrownBy(() -> twice.validated(2026)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PointsRules.defaults(2026).validated(2027)).isInstanceOf(InvalidInput.class);
    }
}
