package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.xieshang.assessment.Grade;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One member's result in a run; the breakdown (with the entries behind each item) is kept as JSON. */
@Entity
@Table(name = "assessment_result")
class AssessmentResult extends CommitteeScopedEntity {

    private Long runId;
    private Long memberId;
    private String memberName;
    private int points;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    private int absences;
    private String breakdownJson;

    protected AssessmentResult() {
    }

    AssessmentResult(Long runId, Long memberId, String memberName, int points, Grade grade, int absences,
                     String breakdownJson) {
        this.runId = runId;
        this.memberId = memberId;
        this.memberName = memberName;
        this.points = points;
        this.grade = grade;
        this.absences = absences;
        this.breakdownJson = breakdownJson;
    }

    Long getRunId() { return runId; }
    Long getMemberId() { return memberId; }
    String getMemberName() { return memberName; }
    int getPoints() { return points; }
    Grade getGrade() { return grade; }
    int getAbsences() { return absences; }
    String getBreakdownJson() { return breakdownJson; }
}
