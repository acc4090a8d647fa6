package org.xieshang.assessment.internal;

import java.time.LocalDate;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.socialreport.AdoptionLevel;

/** A duty record entry as a run reads it (a projection: no managed entities for a whole committee). */
record EntryRow(Long memberId, Long id, DutyKind kind, ActivityType activityType, AdoptionLevel level, LocalDate date,
                String description, Integer points) {

    PointsCalculator.Fact fact() {
        return new PointsCalculator.Fact(id, kind, activityType, level, date, description, points);
    }
}
