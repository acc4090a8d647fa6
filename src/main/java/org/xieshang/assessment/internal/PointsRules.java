package org.xieshang.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.Grade;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * The points rules of a committee's year (API.md "assessment/rules"): points per item, optional
 * caps (bounding the item's total, for deductions its magnitude), base points and grade thresholds.
 * An item may narrow its kind to an activity type or an adoption level; the most specific item
 * counts an entry, once.
 */
public record PointsRules(Integer year, Integer basePoints, List<Item> items, List<GradeLine> grades) {

    public record Item(DutyKind kind, ActivityType activityType, AdoptionLevel level, Integer points, Integer cap) {

        int specificity() {
            return (activityType == null ? 0 : 1) + (level == null ? 0 : 1);
        }
    }

    public record GradeLine(Grade grade, Integer minPoints) {
    }

    static final int MAX_POINTS = 10_000;

    public PointsRules {
        items = items == null ? List.of() : List.copyOf(items);
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    int base() {
        return basePoints == null ? 0 : basePoints;
    }

    /** The pass mark: the QUALIFIED threshold. */
    int passMark() {
        return grades.stream().filter(g -> g.grade() == Grade.QUALIFIED).mapToInt(GradeLine::minPoints).findFirst()
                .orElse(0);
    }

    /**
     * Common county practice (DESIGN §4), on a 100-point scale: plenary attended 50, on leave 30,
     * absent 0; proposals up to 25 (10 as first proposer, 15 more if filed); activities 2 each up
     * to 10; social-conditions reports 10 each, 5 more if adopted, up to 15; an unexcused absence
     * from a standing committee meeting −5. Pass mark 60.
     */
    static PointsRules defaults(int year) {
        return new PointsRules(year, 0, List.of(
                new Item(DutyKind.ACTIVITY_PRESENT, ActivityType.PLENARY, null, 50, 50),
                new Item(DutyKind.ACTIVITY_ON_LEAVE, ActivityType.PLENARY, null, 30, 30),
                new Item(DutyKind.ACTIVITY_ABSENT, ActivityType.PLENARY, null, 0, null),
                new Item(DutyKind.ACTIVITY_ABSENT, ActivityType.STANDING_COMMITTEE_MEETING, null, -5, null),
                new Item(DutyKind.ACTIVITY_PRESENT, null, null, 2, 10),
                new Item(DutyKind.PROPOSAL_SUBMITTED, null, null, 10, 10),
                new Item(DutyKind.PROPOSAL_FILED, null, null, 15, 15),
                new Item(DutyKind.SOCIAL_REPORT_SUBMITTED, null, null, 10, 10),
                new Item(DutyKind.SOCIAL_REPORT_ADOPTED, null, null, 5, 5),
                new Item(DutyKind.MANUAL, null, null, 0, null)),
                List.of(new GradeLine(Grade.EXCELLENT, 90), new GradeLine(Grade.QUALIFIED, 60),
                        new GradeLine(Grade.BASICALLY_QUALIFIED, 50), new GradeLine(Grade.UNQUALIFIED, 0)));
    }

    /** Checks the rules as given on the page or the API (400 with the fields at fault). */
    PointsRules validated(int forYear) {
        InvalidInput invalid = new InvalidInput();
        if (year != null && year != forYear) {
            invalid.add("year", "assessment.validation.year");
        }
        if (basePoints != null && Math.abs(basePoints) > MAX_POINTS) {
            invalid.add("basePoints", "assessment.validation.points", MAX_POINTS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String f = "items[" + i + "]";
            if (it == null || it.kind() == null) {
                invalid.add(f + ".kind", "validation.required");
                continue;
            }
            if (it.points() == null) {
                invalid.add(f + ".points", "validation.required");
            } else if (Math.abs(it.points()) > MAX_POINTS) {
                invalid.add(f + ".points", "assessment.validation.points", MAX_POINTS);
            }
            if (it.cap() != null && (it.cap() < 0 || it.cap() > MAX_POINTS)) {
                invalid.add(f + ".cap", "assessment.validation.cap", MAX_POINTS);
            }
            if (it.level() != null && it.kind() != DutyKind.SOCIAL_REPORT_ADOPTED) {
                invalid.add(f + ".level", "assessment.validation.level");
            }
            if (it.activityType() != null && !it.kind().name().startsWith("ACTIVITY_") && it.kind() != DutyKind.SPEECH) {
                invalid.add(f + ".activityType", "assessment.validation.activityType");
            }
            if (!seen.add(it.kind() + "/" + it.activityType() + "/" + it.level())) {
                invalid.add(f, "assessment.validation.duplicateItem");
            }
        }
        Map<Grade, Integer> mins = new EnumMap<>(Grade.class);
        for (int i = 0; i < grades.size(); i++) {
            GradeLine g = grades.get(i);
            if (g == null || g.grade() == null || g.minPoints() == null) {
                invalid.add("grades[" + i + "]", "validation.required");
            } else if (mins.put(g.grade(), g.minPoints()) != null) {
                invalid.add("grades[" + i + "].grade", "assessment.validation.duplicateGrade");
            }
        }
        if (!mins.keySet().containsAll(List.of(Grade.EXCELLENT, Grade.QUALIFIED, Grade.BASICALLY_QUALIFIED))) {
            invalid.add("grades", "assessment.validation.grades");
        } else {
            // thresholds must not rise from a better grade to a worse one: then the grade never falls when points rise
            Integer previous = null;
            for (Grade g : Grade.values()) {
                Integer m = mins.get(g);
                if (m != null && previous != null && m > previous) {
                    invalid.add("grades", "assessment.validation.gradeOrder");
                    break;
                }
                if (m != null) {
                    previous = m;
                }
            }
        }
        invalid.throwIfAny();
        List<GradeLine> ordered = new ArrayList<>(grades);
        ordered.sort(Comparator.comparing(GradeLine::grade));
        return new PointsRules(forYear, base(), items, ordered);
    }
}
