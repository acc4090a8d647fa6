package org.xieshang.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xieshang.committee.UnitType;

/**
 * Proposes the units to evaluate in a year under 不偏、不漏、不重复 (no bias, no omission, no repetition).
 * Pure: the caller gives every evaluable unit (townships and streets are not: they have their own
 * assessment) and whether it was evaluated in the current term.
 * <p>
 * Rules, deterministic: units evaluated in this term are never proposed (no repetition). The others
 * are taken type by type so that the term's count per type stays level: each pick goes to the type
 * with the fewest units evaluated in the term so far (counting this year's picks); a tie goes to the
 * type with more units still waiting, then to the type's order in {@link UnitType}. Within a type,
 * units never evaluated come first, then the one evaluated longest ago, then the lower id.
 */
final class CandidatePlanner {

    record UnitInfo(Long id, String name, UnitType type, Integer lastEvaluatedYear, boolean evaluatedInTerm) {
    }

    /** Years left in the term (this year included) times the yearly count, against the units still waiting. */
    record Coverage(int waiting, int yearsLeft, int perYear) {
        /** Every waiting unit can be evaluated before the term ends. */
        boolean allCovered() {
            return (long) yearsLeft * perYear >= waiting;
        }

        /** Enough units wait for the yearly count in every remaining year, without repeating one. */
        boolean enoughUnits() {
            return waiting >= (long) yearsLeft * perYear;
        }
    }

    private CandidatePlanner() {
    }

    static boolean evaluable(UnitType type) {
        return type != UnitType.TOWNSHIP;
    }

    static List<UnitInfo> propose(List<UnitInfo> units, int count) {
        Map<UnitType, Integer> taken = new EnumMap<>(UnitType.class);
        Map<UnitType, List<UnitInfo>> waiting = new EnumMap<>(UnitType.class);
        Comparator<UnitInfo> withinType = Comparator
                .comparing((UnitInfo u) -> u.lastEvaluatedYear() == null ? Integer.MIN_VALUE : u.lastEvaluatedYear())
                .thenComparing(UnitInfo::id);
        for (UnitInfo u : units) {
            if (!evaluable(u.type())) {
                continue;
            }
            taken.putIfAbsent(u.type(), 0);
            if (u.evaluatedInTerm()) {
                taken.merge(u.type(), 1, Integer::sum);
            } else {
                waiting.computeIfAbsent(u.type(), t -> new ArrayList<>()).add(u);
            }
        }
        waiting.values().forEach(l -> l.sort(withinType));
        List<UnitInfo> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            UnitType next = null;
            for (UnitType t : UnitType.values()) {
                List<UnitInfo> left = waiting.get(t);
                if (left == null || left.isEmpty()) {
                    continue;
                }
                if (next == null || better(t, next, taken, waiting)) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            chosen.add(waiting.get(next).remove(0));
            taken.merge(next, 1, Integer::sum);
        }
        return chosen;
    }

    private static boolean better(UnitType a, UnitType b, Map<UnitType, Integer> taken, Map<UnitType, List<UnitInfo>> waiting) {
        int ta = taken.getOrDefault(a, 0);
        int tb = taken.getOrDefault(b, 0);
        if (ta != tb) {
            return ta < tb;
        }
        int wa = waiting.get(a).size();
        int wb = waiting.get(b).size();
        if (wa != wb) {
            return wa > wb;
        }
        return a.ordinal() < b.ordinal();
    }

    static Coverage coverage(List<UnitInfo> units, int yearsLeft, int perYear) {
        int waiting = (int) units.stream().filter(u -> evaluable(u.type()) && !u.evaluatedInTerm()).count();
        return new Coverage(waiting, Math.max(0, yearsLeft), perYear);
    }

    /** Units evaluated in the term per type, for the page. */
    static Map<UnitType, Integer> perType(List<UnitInfo> units) {
        Map<UnitType, Integer> m = new LinkedHashMap<>();
        units.stream().filter(u -> evaluable(u.type()) && u.evaluatedInTerm()).forEach(u -> m.merge(u.type(), 1, Integer::sum));
        return m;
    }
}
