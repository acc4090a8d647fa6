package org.xieshang.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.xieshang.liaison.internal.PlanGenerator.Group;
import org.xieshang.liaison.internal.PlanGenerator.Input;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.liaison.internal.PlanGenerator.Person;
import org.xieshang.liaison.internal.PlanGenerator.Repeat;
import org.xieshang.liaison.internal.PlanGenerator.Result;
import org.xieshang.liaison.internal.PlanGenerator.WarningCode;

/**
 * Properties of the plan generator over random committees: every member once, balanced sizes,
 * the minimum when feasible, exactly the least possible repeats (checked against an independent
 * max-flow), sector spread, and determinism.
 */
class PlanGeneratorProperties {

    /** Kinds of "last year": none, a previous plan of a changed committee, a lopsided one, random pairs. */
    enum History { NONE, ROTATION, LOPSIDED, RANDOM, TIGHT }

    static Input committee(int liaisons, int members, int sectors, int minimum, History history, long seed) {
        Random random = new Random(seed);
        List<Person> ls = new ArrayList<>();
        List<Person> ms = new ArrayList<>();
        // ids interleaved at random, as in a real member table
        long id = 1;
        int l = 0;
        int m = 0;
        while (l < liaisons || m < members) {
            id += 1 + random.nextInt(3);
            boolean liaison = m == members || (l < liaisons && random.nextInt(liaisons + members) < liaisons);
            Person p = new Person(id, 100 + random.nextInt(sectors));
            if (liaison) {
                ls.add(p);
                l++;
            } else {
                ms.add(p);
                m++;
            }
        }
        List<Pair> previous = new ArrayList<>();
        switch (history) {
            case NONE -> { }
            case ROTATION -> {
                // last year's plan: most of today's people plus some who left, dealt to last year's liaisons
                List<Long> lastLiaisons = new ArrayList<>();
                for (Person p : ls) {
                    if (random.nextInt(10) < 8) {
                        lastLiaisons.add(p.id());
                    }
                }
                lastLiaisons.add(9_000_000L + random.nextInt(100));
                for (Person p : ms) {
                    if (random.nextInt(10) < 9) {
                        previous.add(new Pair(lastLiaisons.get(random.nextInt(lastLiaisons.size())), p.id()));
                    }
                }
                previous.add(new Pair(ls.get(0).id(), 8_000_000L));
            }
            case LOPSIDED -> {
                // one or two liaisons had most members last year: repeats may be unavoidable
                int heavy = Math.min(ls.size(), 1 + random.nextInt(2));
                for (Person p : ms) {
                    Person liaison = random.nextInt(10) < 7 ? ls.get(random.nextInt(heavy)) : ls.get(random.nextInt(ls.size()));
                    previous.add(new Pair(liaison.id(), p.id()));
                }
            }
            case TIGHT -> {
                // each member may join only one or two liaisons without a repeat
                for (Person p : ms) {
                    int open1 = random.nextInt(ls.size());
                    int open2 = random.nextInt(ls.size());
                    for (int j = 0; j < ls.size(); j++) {
                        if (j != open1 && (j != open2 || random.nextBoolean())) {
                            previous.add(new Pair(ls.get(j).id(), p.id()));
                        }
                    }
                }
            }
            case RANDOM -> {
                for (Person p : ms) {
                    int k = random.nextInt(Math.min(4, ls.size() + 1));
                    for (int i = 0; i < k; i++) {
                        previous.add(new Pair(ls.get(random.nextInt(ls.size())).id(), p.id()));
                    }
                }
            }
        }
        return new Input(ls, ms, previous, minimum);
    }

    @Property(tries = 400)
    void everyMemberOnceSizesBalancedAndRepeatsMinimal(@ForAll @IntRange(min = 1, max = 25) int liaisons,
                                                       @ForAll @IntRange(min = 0, max = 260) int members,
                                                       @ForAll @IntRange(min = 1, max = 7) int sectors,
                                                       @ForAll @IntRange(min = 0, max = 12) int minimum,
                                                       @ForAll History history, @ForAll long seed) {
        Input input = committee(liaisons, members, sectors, minimum, history, seed);
        Result result = PlanGenerator.generate(input);

        // every liaison has one group, every member is in exactly one
        assertThat(result.groups()).extracting(Group::liaisonId)
                .containsExactlyElementsOf(input.liaisons().stream().map(Person::id).sorted().toList());
        List<Long> assigned = result.groups().stream().flatMap(g -> g.memberIds().stream()).sorted().toList();
        assertThat(assigned).containsExactlyElementsOf(input.members().stream().map(Person::id).sorted().toList());

        // sizes are ⌊M/L⌋ or ⌈M/L⌉, hence meet the minimum whenever M ≥ L × minimum
        int floor = members / liaisons;
        int ceil = (members + liaisons - 1) / liaisons;
        assertThat(result.groups()).allSatisfy(g -> assertThat(g.memberIds().size()).isBetween(floor, ceil));
        if (members >= liaisons * minimum) {
            assertThat(result.groups()).allSatisfy(g -> assertThat(g.memberIds()).hasSizeGreaterThanOrEqualTo(minimum));
            assertThat(result.warnings()).noneMatch(w -> w.code() == WarningCode.TOO_FEW_MEMBERS);
        } else if (members > 0) {
            assertThat(result.warnings()).anyMatch(w -> w.code() == WarningCode.TOO_FEW_MEMBERS);
        }

        // the reported repeats are exactly the kept pairs, and as few as an independent max-flow allows
        Set<Pair> previous = new HashSet<>(input.previousPairs());
        Set<Pair> kept = new HashSet<>();
        result.groups().forEach(g -> g.memberIds().forEach(mId -> {
            if (previous.contains(new Pair(g.liaisonId(), mId))) {
                kept.add(new Pair(g.liaisonId(), mId));
            }
        }));
        Set<Pair> reported = new HashSet<>();
        result.repeats().forEach(r -> reported.add(new Pair(r.liaisonId(), r.memberId())));
        assertThat(reported).isEqualTo(kept);
        int least = members - maxRepeatFreeAssignment(input);
        assertThat(result.repeatedPairs()).isEqualTo(least);
        assertThat(result.warnings().stream().anyMatch(w -> w.code() == WarningCode.REPEATS_UNAVOIDABLE)).isEqualTo(least > 0);
        for (Repeat r : result.repeats()) {
            assertThat(r.openLiaisons()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void smallTightCommitteesGetTheLeastRepeats(@ForAll @IntRange(min = 2, max = 5) int liaisons,
                                               @ForAll @IntRange(min = 1, max = 24) int members,
                                               @ForAll @IntRange(min = 1, max = 3) int sectors, @ForAll long seed) {
        Input input = committee(liaisons, members, sectors, 2, History.TIGHT, seed);
        Result result = PlanGenerator.generate(input);
        assertThat(result.repeatedPairs()).isEqualTo(members - maxRepeatFreeAssignment(input));
        int floor = members / liaisons;
        assertThat(result.groups()).allSatisfy(g -> assertThat(g.memberIds().size()).isBetween(floor, floor + 1));
    }

    @Property(tries = 200)
    void sameInputsInAnyOrderGiveTheSamePlan(@ForAll @IntRange(min = 1, max = 30) int liaisons,
                                             @ForAll @IntRange(min = 0, max = 300) int members,
                                             @ForAll @IntRange(min = 1, max = 8) int sectors,
                                             @ForAll History history, @ForAll long seed) {
        Input input = committee(liaisons, members, sectors, 10, history, seed);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Person> ls = new ArrayList<>(input.liaisons());
        List<Person> ms = new ArrayList<>(input.members());
        List<Pair> ps = new ArrayList<>(input.previousPairs());
        Collections.shuffle(ls, random);
        Collections.shuffle(ms, random);
        Collections.shuffle(ps, random);
        Result first = PlanGenerator.generate(input);
        assertThat(PlanGenerator.generate(new Input(ls, ms, ps, 10))).isEqualTo(first);
        assertThat(PlanGenerator.generate(input)).isEqualTo(first);
    }

    @Property(tries = 200)
    void withoutHistoryEverySectorIsSpreadWithinOne(@ForAll @IntRange(min = 1, max = 30) int liaisons,
                                                   @ForAll @IntRange(min = 0, max = 300) int members,
                                                   @ForAll @IntRange(min = 1, max = 10) int sectors, @ForAll long seed) {
        Input input = committee(liaisons, members, sectors, 10, History.NONE, seed);
        Result result = PlanGenerator.generate(input);
        assertThat(result.repeats()).isEmpty();
        assertThat(PlanChecks.check(input, result.groups()).sectorSpread()).isLessThanOrEqualTo(1);
        assertThat(PlanChecks.check(input, result.groups()).ok()).isTrue();
    }

    @Property(tries = 200)
    void rotatingTheSameCommitteeRepeatsNoPair(@ForAll @IntRange(min = 2, max = 30) int liaisons,
                                              @ForAll @IntRange(min = 0, max = 300) int members,
                                              @ForAll @IntRange(min = 1, max = 8) int sectors, @ForAll long seed) {
        // last year's plan for the same people: with two or more liaisons a repeat-free plan always exists
        Input lastYear = committee(liaisons, members, sectors, 10, History.NONE, seed);
        List<Pair> previous = new ArrayList<>();
        PlanGenerator.generate(lastYear).groups()
                .forEach(g -> g.memberIds().forEach(mId -> previous.add(new Pair(g.liaisonId(), mId))));
        Input thisYear = new Input(lastYear.liaisons(), lastYear.members(), previous, 10);
        Result result = PlanGenerator.generate(thisYear);
        assertThat(result.repeatedPairs()).isZero();
        assertThat(PlanChecks.check(thisYear, result.groups()).ok()).isTrue();
    }

    @Property(tries = 100)
    void checksOfTheGeneratedPlanHold(@ForAll @IntRange(min = 1, max = 20) int liaisons,
                                      @ForAll @IntRange(min = 0, max = 200) int members,
                                      @ForAll @IntRange(min = 1, max = 6) int sectors, @ForAll History history,
                                      @ForAll long seed) {
        Input input = committee(liaisons, members, sectors, 5, history, seed);
        Result result = PlanGenerator.generate(input);
        PlanChecks.Checks checks = PlanChecks.check(input, result.groups());
        assertThat(checks.ok()).isTrue();
        assertThat(checks.repeatedPairs()).isEqualTo(result.repeatedPairs());
        assertThat(checks.leastRepeatedPairs()).isEqualTo(result.repeatedPairs());
    }

    /**
     * Independent reference: Edmonds–Karp on source → member → liaison (only pairs not held last
     * year) → sink with capacity ⌊M/L⌋ each, plus one extra place per liaison drawn from a pool of
     * M mod L. Its value is the most members that can be placed without a repeat in a balanced plan.
     */
    static int maxRepeatFreeAssignment(Input input) {
        int l = input.liaisons().size();
        int m = input.members().size();
        int q = m / l;
        int r = m % l;
        int source = 0;
        int sink = 1;
        int pool = 2;
        int firstMember = 3;
        int firstLiaison = firstMember + m;
        int n = firstLiaison + l;
        Map<Long, Integer> liaisonIndex = new HashMap<>();
        for (int j = 0; j < l; j++) {
            liaisonIndex.put(input.liaisons().get(j).id(), j);
        }
        Map<Long, Set<Integer>> forbidden = new HashMap<>();
        for (Pair p : input.previousPairs()) {
            Integer j = liaisonIndex.get(p.liaisonId());
            if (j != null) {
                forbidden.computeIfAbsent(p.memberId(), k -> new HashSet<>()).add(j);
            }
        }
        Network net = new Network(n);
        for (int i = 0; i < m; i++) {
            net.edge(source, firstMember + i, 1);
            Set<Integer> f = forbidden.getOrDefault(input.members().get(i).id(), Set.of());
            for (int j = 0; j < l; j++) {
                if (!f.contains(j)) {
                    net.edge(firstMember + i, firstLiaison + j, 1);
                }
            }
        }
        for (int j = 0; j < l; j++) {
            net.edge(firstLiaison + j, sink, q);
            net.edge(firstLiaison + j, pool, 1);
        }
        net.edge(pool, sink, r);
        return net.maxFlow(source, sink);
    }

    /** A plain residual network with adjacency lists. */
    static final class Network {
        final List<List<int[]>> adj = new ArrayList<>();

        Network(int n) {
            for (int i = 0; i < n; i++) {
                adj.add(new ArrayList<>());
            }
        }

        void edge(int from, int to, int capacity) {
            int[] forward = {to, capacity, adj.get(to).size()};
            int[] backward = {from, 0, adj.get(from).size()};
            adj.get(from).add(forward);
            adj.get(to).add(backward);
        }

        int maxFlow(int source, int sink) {
            int n = adj.size();
            int flow = 0;
            while (true) {
                int[] parentNode = new int[n];
                int[] parentEdge = new int[n];
                java.util.Arrays.fill(parentNode, -1);
                parentNode[source] = source;
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                queue.add(source);
                while (!queue.isEmpty() && parentNode[sink] == -1) {
                    int u = queue.poll();
                    List<int[]> edges = adj.get(u);
                    for (int k = 0; k < edges.size(); k++) {
                        int[] e = edges.get(k);
                        if (e[1] > 0 && parentNode[e[0]] == -1) {
                            parentNode[e[0]] = u;
                            parentEdge[e[0]] = k;
                            queue.add(e[0]);
                        }
                    }
                }
                if (parentNode[sink] == -1) {
                    return flow;
                }
                for (int v = sink; v != source; v = parentNode[v]) {
                    int[] e = adj.get(parentNode[v]).get(parentEdge[v]);
                    e[1]--;
                    adj.get(v).get(e[2])[1]++;
                }
                flow++;
            }
        }
    }
}
