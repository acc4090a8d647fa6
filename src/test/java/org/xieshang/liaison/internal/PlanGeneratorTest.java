package org.xieshang.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xieshang.liaison.internal.PlanGenerator.Group;
import org.xieshang.liaison.internal.PlanGenerator.Input;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.liaison.internal.PlanGenerator.Person;
import org.xieshang.liaison.internal.PlanGenerator.RepeatReason;
import org.xieshang.liaison.internal.PlanGenerator.Result;
import org.xieshang.liaison.internal.PlanGenerator.WarningCode;

class PlanGeneratorTest {

    private static List<Person> people(long from, int n, int sectors) {
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Person(from + i, 1 + i % sectors));
        }
        return list;
    }

    @Test
    void lopsidedLastYearForcesTheFewestRepeatsAndSaysWhy() {
        // two liaisons; last year liaison 1 had 15 of today's 20 members, liaison 2 had 5
        List<Person> liaisons = people(1, 2, 1);
        List<Person> members = people(100, 20, 3);
        List<Pair> previous = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            previous.add(new Pair(i < 15 ? 1 : 2, 100 + i));
        }
        Result result = PlanGenerator.generate(new Input(liaisons, members, previous, 10));

        assertThat(result.groups()).allSatisfy(g -> assertThat(g.memberIds()).hasSize(10));
        // liaison 2 can take only 10 of liaison 1's former 15: five must stay with liaison 1
        assertThat(result.repeatedPairs()).isEqualTo(5);
        assertThat(result.repeats()).allSatisfy(r -> {
            assertThat(r.liaisonId()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo(RepeatReason.OTHER_GROUPS_FULL);
            assertThat(r.openLiaisons()).isEqualTo(1);
            assertThat(r.membersHolding()).isEqualTo(10);
        });
        // liaison 2's former members all moved to liaison 1
        Map<Long, Group> groups = result.groups().stream().collect(Collectors.toMap(Group::liaisonId, Function.identity()));
        assertThat(groups.get(1L).memberIds()).containsAll(List.of(115L, 116L, 117L, 118L, 119L));
        assertThat(result.warnings()).extracting(PlanGenerator.Warning::code).containsExactly(WarningCode.REPEATS_UNAVOIDABLE);
    }

    @Test
    void aSingleLiaisonKeepsEveryoneAndExplainsIt() {
        List<Person> members = people(100, 12, 2);
        List<Pair> previous = members.stream().limit(4).map(p -> new Pair(1, p.id())).toList();
        Result result = PlanGenerator.generate(new Input(people(1, 1, 1), members, previous, 10));
        assertThat(result.groups().get(0).memberIds()).hasSize(12);
        assertThat(result.repeats()).hasSize(4)
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo(RepeatReason.ALL_LIAISONS_HAD_MEMBER));
    }

    @Test
    void tooFewMembersStillGivesABalancedPlanAndWarns() {
        Result result = PlanGenerator.generate(new Input(people(1, 4, 2), people(100, 23, 3), List.of(), 10));
        assertThat(result.groups()).extracting(g -> g.memberIds().size()).containsExactlyInAnyOrder(6, 6, 6, 5);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.TOO_FEW_MEMBERS);
            assertThat(w.args()).containsExactly(23L, 4L, 10L, 40L);
        });
    }

    @Test
    void moreLiaisonsThanMembersAndNoMembers() {
        Result few = PlanGenerator.generate(new Input(people(1, 5, 1), people(100, 3, 1), List.of(), 10));
        assertThat(few.groups()).extracting(g -> g.memberIds().size()).containsExactlyInAnyOrder(1, 1, 1, 0, 0);
        Result none = PlanGenerator.generate(new Input(people(1, 3, 1), List.of(), List.of(), 10));
        assertThat(none.groups()).allSatisfy(g -> assertThat(g.memberIds()).isEmpty());
        assertThat(none.warnings()).extracting(PlanGenerator.Warning::code).containsExactly(WarningCode.NO_MEMBERS);
    }

    @Test
    void sectorsAreSpreadAndTheLiaisonsOwnSectorIsAvoidedWhenThereIsAChoice() {
        // 3 liaisons of sectors 1, 2, 3; 6 members: two of each sector → every group gets two sectors,
        // none gets a member of its liaison's sector
        List<Person> liaisons = List.of(new Person(1, 1), new Person(2, 2), new Person(3, 3));
        List<Person> members = List.of(new Person(10, 1), new Person(11, 1), new Person(12, 2), new Person(13, 2),
                new Person(14, 3), new Person(15, 3));
        Result result = PlanGenerator.generate(new Input(liaisons, members, List.of(), 2));
        Map<Long, Long> sectorOf = members.stream().collect(Collectors.toMap(Person::id, Person::sectorId));
        for (Group g : result.groups()) {
            assertThat(g.memberIds()).hasSize(2);
            assertThat(g.memberIds().stream().map(sectorOf::get).distinct()).hasSize(2).doesNotContain(g.liaisonId());
        }
    }

    @Test
    void refusesInconsistentInput() {
        assertThatThrownBy(() -> PlanGenerator.generate(new Input(List.of(), people(1, 3, 1), List.of(), 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanGenerator.generate(new Input(people(1, 2, 1), people(2, 3, 1), List.of(), 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksSeeMovesByHand() {
        List<Person> liaisons = people(1, 2, 1);
        List<Person> members = people(100, 20, 2);
        Input input = new Input(liaisons, members, List.of(new Pair(1, 100)), 10);
        Result result = PlanGenerator.generate(input);
        assertThat(PlanChecks.check(input, result.groups()).ok()).isTrue();
        // move member 100 to liaison 1 (last year's pair) and unbalance the groups
        List<Group> moved = result.groups().stream().map(g -> new Group(g.liaisonId(),
                g.liaisonId() == 1 ? concat(g.memberIds(), 100L) : g.memberIds().stream().filter(id -> id != 100L).toList()))
                .toList();
        PlanChecks.Checks checks = PlanChecks.check(input, moved);
        assertThat(checks.ok()).isFalse();
        assertThat(checks.balanced()).isFalse();
        assertThat(checks.repeatedPairs()).isEqualTo(1);
        assertThat(checks.leastRepeatedPairs()).isZero();
        assertThat(checks.groupsBelowMinimum()).isEqualTo(1);
        // a member who left and one who joined since
        List<Person> today = new ArrayList<>(members.subList(1, 20));
        today.add(new Person(500, 1));
        PlanChecks.Checks later = PlanChecks.check(new Input(liaisons, today, List.of(), 10), result.groups());
        assertThat(later.ineligibleMemberIds()).containsExactly(100L);
        assertThat(later.unassignedMemberIds()).containsExactly(500L);
    }

    private static List<Long> concat(List<Long> ids, long id) {
        List<Long> out = new ArrayList<>(ids);
        out.add(id);
        return out;
    }
}
