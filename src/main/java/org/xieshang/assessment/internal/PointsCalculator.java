package org.xieshang.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.PointsRules.GradeLine;
import org.xieshang.assessment.internal.PointsRules.Item;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * Computes a member's points from their duty record entries by the rules: plain Java, no state,
 * the same inputs give the same result. Every entry is counted by the most specific rule item of
 * its kind (or not at all when no item names it); an item's total is count × points, bounded by
 * its cap; MANUAL entries carry their own points. Total = base + the sum of the capped items.
 */
public final class PointsCalculator {

    /** One duty record entry, as the calculator needs it. */
    public record Fact(long entryId, DutyKind kind, ActivityType activityType, AdoptionLevel level, LocalDate date,
                       String description, Integer points) {
    }

    /** An item of the breakdown: which rule, how many entries, the points before and after the cap. */
    public record Line(DutyKind kind, ActivityType activityType, AdoptionLevel level, int count, int pointsEach,
                       int uncapped, int points, Integer cap, boolean capped, List<Long> entryIds) {
    }

    public record Result(int base, int total, Grade grade, List<Line> lines, int absences) {
    }

    private PointsCalculator() {
    }

    public static Result assess(PointsRules rules, List<Fact> facts) {
        Map<Item, List<Fact>> byItem = new LinkedHashMap<>();
        List<Fact> manual = new ArrayList<>();
        int absences = 0;
        for (Fact f : facts) {
            if (f.kind() == DutyKind.ACTIVITY_ABSENT) {
                absences++;
            }
            if (f.kind() == DutyKind.MANUAL) {
                manual.add(f);
                continue;
            }
            Item item = itemFor(rules, f);
            if (item != null) {
                byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(f);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Item, List<Fact>> e : byItem.entrySet()) {
            Item it = e.getKey();
            int each = it.points() == null ? 0 : it.points();
            long raw = (long) each * e.getValue().size();
            lines.add(line(it.kind(), it.activityType(), it.level(), e.getValue(), each, raw, it.cap()));
        }
        if (!manual.isEmpty()) {
            Integer cap = rules.items().stream().filter(i -> i.kind() == DutyKind.MANUAL).map(Item::cap)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            long raw = manual.stream().mapToLong(f -> f.points() == null ? 0 : f.points()).sum();
            lines.add(line(DutyKind.MANUAL, null, null, manual, 0, raw, cap));
        }
        lines.sort(Comparator.comparing(Line::kind)
                .thenComparing(l -> l.activityType() == null ? -1 : l.activityType().ordinal())
                .thenComparing(l -> l.level() == null ? -1 : l.level().ordinal()));
        long total = rules.base() + lines.stream().mapToLong(Line::points).sum();
        int t = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, total));
        return new Result(rules.base(), t, grade(rules, t), List.copyOf(lines), absences);
    }

    private static Line line(DutyKind kind, ActivityType type, AdoptionLevel level, List<Fact> facts, int each, long raw,
                             Integer cap) {
        long bounded = raw;
        if (cap != null) {
            bounded = raw >= 0 ? Math.min(raw, cap) : Math.max(raw, -(long) cap);
        }
        List<Long> ids = facts.stream().map(Fact::entryId).toList();
        return new Line(kind, type, level, facts.size(), each, clamp(raw), clamp(bounded), cap, bounded != raw, ids);
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE / 4, Math.min(Integer.MAX_VALUE / 4, v));
    }

    /** The most specific item of the entry's kind that matches it; null when none does. */
    static Item itemFor(PointsRules rules, Fact f) {
        Item best = null;
        for (Item it : rules.items()) {
            if (it.kind() != f.kind()
                    || (it.activityType() != null && it.activityType() != f.activityType())
                    || (it.level() != null && it.level() != f.level())) {
                continue;
            }
            if (best == null || it.specificity() > best.specificity()) {
                best = it;
            }
        }
        return best;
    }

    /** The best grade whose threshold the total reaches; UNQUALIFIED below every threshold. */
    public static Grade grade(PointsRules rules, int total) {
        Grade best = Grade.UNQUALIFIED;
        for (GradeLine g : rules.grades()) {
            if (g.minPoints() != null && total >= g.minPoints() && g.grade().ordinal() < best.ordinal()) {
                best = g.grade();
            }
        }
        return best;
    }

    /**
     * What a member still needs to reach the pass mark, in entries of rule items with positive
     * points and room under their caps. When single items can close the gap on their own, each of
     * them is one alternative (e.g. 4 more activities, or 1 more proposal); otherwise a combination
     * of the best-paying items, all needed together. Empty when the total reaches the pass mark.
     */
    public record Need(DutyKind kind, ActivityType activityType, int count) {
    }

    public record Plan(boolean alternatives, List<Need> needs) {
    }

    public static List<Need> missing(PointsRules rules, Result result) {
        return plan(rules, result).needs();
    }

    public static Plan plan(PointsRules rules, Result result) {
        int gap = rules.passMark() - result.total();
        if (gap <= 0) {
            return new Plan(true, List.of());
        }
        List<Need> alone = new ArrayList<>();
        List<int[]> rooms = new ArrayList<>(); // index into items, room
        List<Item> items = rules.items();
        for (int idx = 0; idx < items.size(); idx++) {
            Item it = items.get(idx);
            // nobody is advised to take leave or to be absent
            if (it.points() == null || it.points() <= 0 || it.kind() == DutyKind.MANUAL
                    || it.kind() == DutyKind.ACTIVITY_ON_LEAVE || it.kind() == DutyKind.ACTIVITY_ABSENT) {
                continue;
            }
            int already = result.lines().stream().filter(l -> l.kind() == it.kind()
                    && l.activityType() == it.activityType() && l.level() == it.level()).mapToInt(Line::points).sum();
            int room = it.cap() == null ? Integer.MAX_VALUE : Math.max(0, it.cap() - already);
            if (room <= 0) {
                continue;
            }
            rooms.add(new int[]{idx, room});
            if (room >= gap) {
                alone.add(new Need(it.kind(), it.activityType(), (gap + it.points() - 1) / it.points()));
            }
        }
        if (!alone.isEmpty()) {
            alone.sort(Comparator.comparingInt(Need::count));
            return new Plan(true, alone);
        }
        // no single item suffices: the best-paying items first, each up to its room
        rooms.sort(Comparator.comparingInt((int[] r) -> -items.get(r[0]).points()));
        List<Need> together = new ArrayList<>();
        int left = gap;
        for (int[] r : rooms) {
            Item it = items.get(r[0]);
            int usable = Math.min(r[1], left);
            int count = (usable + it.points() - 1) / it.points();
            if (it.cap() != null) {
                count = Math.min(count, Math.max(1, r[1] / it.points()));
            }
            together.add(new Need(it.kind(), it.activityType(), count));
            left -= Math.min(r[1], count * it.points());
            if (left <= 0) {
                break;
            }
        }
        return new Plan(false, together);
    }
}
