package org.xieshang.liaison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xieshang.liaison.internal.PlanGenerator.Group;
import org.xieshang.liaison.internal.PlanGenerator.Input;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.liaison.internal.PlanGenerator.Person;

/**
 * Re-checks a plan as it stands (e.g. after moves by hand) against the generator's rules and
 * today's members: sizes, minimum, repeated pairs against the least possible, sector spread,
 * and who joined or left since. Pure.
 */
public final class PlanChecks {

    public record Checks(int liaisons, int members, int smallestGroup, int largestGroup, boolean balanced,
                         int minGroupSize, boolean minimumFeasible, int groupsBelowMinimum, int repeatedPairs,
                         int leastRepeatedPairs, int sectorSpread, List<Long> unassignedMemberIds,
                         List<Long> ineligibleMemberIds, List<Long> formerLiaisonIds) {

        /** Every rule holds: what the generator would guarantee. */
        public boolean ok() {
            return balanced && (groupsBelowMinimum == 0 || !minimumFeasible) && repeatedPairs <= leastRepeatedPairs
                    && unassignedMemberIds.isEmpty() && ineligibleMemberIds.isEmpty() && formerLiaisonIds.isEmpty();
        }
    }

    private PlanChecks() {
    }

    public static Checks check(Input input, List<Group> groups) {
        Map<Long, Long> memberSector = new HashMap<>();
        input.members().forEach(p -> memberSector.put(p.id(), p.sectorId()));
        Set<Long> liaisonIds = new HashSet<>();
        input.liaisons().forEach(p -> liaisonIds.add(p.id()));
        Set<Pair> previous = new HashSet<>(input.previousPairs());

        Map<Long, Group> byLiaison = new HashMap<>();
        groups.forEach(g -> byLiaison.put(g.liaisonId(), g));
        Set<Long> assigned = new HashSet<>();
        List<Long> ineligible = new ArrayList<>();
        List<Long> former = new ArrayList<>();
        int repeated = 0;
        for (Group g : groups) {
            if (!liaisonIds.contains(g.liaisonId())) {
                former.add(g.liaisonId());
            }
            for (Long memberId : g.memberIds()) {
                assigned.add(memberId);
                if (!memberSector.containsKey(memberId)) {
                    ineligible.add(memberId);
                }
                if (previous.contains(new Pair(g.liaisonId(), memberId))) {
                    repeated++;
                }
            }
        }
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        int below = 0;
        Map<Long, int[]> sectorRange = new HashMap<>();
        for (Person liaison : input.liaisons()) {
            Group g = byLiaison.get(liaison.id());
            List<Long> ids = g == null ? List.of() : g.memberIds();
            smallest = Math.min(smallest, ids.size());
            largest = Math.max(largest, ids.size());
            if (ids.size() < input.minGroupSize()) {
                below++;
            }
        }
        // sector spread: for each sector, most minus fewest members of it in a current group
        Set<Long> sectors = new HashSet<>(memberSector.values());
        for (Long sector : sectors) {
            sectorRange.put(sector, new int[] {Integer.MAX_VALUE, 0});
        }
        for (Person liaison : input.liaisons()) {
            Group g = byLiaison.get(liaison.id());
            Map<Long, Integer> counts = new HashMap<>();
            if (g != null) {
                g.memberIds().stream().filter(memberSector::containsKey)
                        .forEach(id -> counts.merge(memberSector.get(id), 1, Integer::sum));
            }
            for (Long sector : sectors) {
                int c = counts.getOrDefault(sector, 0);
                int[] range = sectorRange.get(sector);
                range[0] = Math.min(range[0], c);
                range[1] = Math.max(range[1], c);
            }
        }
        int spread = sectorRange.values().stream().mapToInt(x -> x[1] - x[0]).max().orElse(0);
        List<Long> unassigned = input.members().stream().map(Person::id).filter(id -> !assigned.contains(id))
                .sorted().toList();
        int least = input.liaisons().isEmpty() ? repeated : PlanGenerator.generate(input).repeatedPairs();
        int l = input.liaisons().size();
        int m = input.members().size();
        return new Checks(l, m, smallest == Integer.MAX_VALUE ? 0 : smallest, largest, largest - (smallest == Integer.MAX_VALUE ? 0 : smallest) <= 1,
                input.minGroupSize(), l > 0 && (long) m >= (long) l * input.minGroupSize(), below, repeated, least, spread,
                unassigned, ineligible.stream().sorted().toList(), former.stream().sorted().toList());
    }
}
