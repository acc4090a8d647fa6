package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A township's points on one checklist item; scoring it again changes the row (audited, versioned). */
@Entity
@Table(name = "township_score")
class TownshipScore extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long assessmentId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false, length = 40)
    private String criterionCode;
    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal points;

    protected TownshipScore() {
    }

    TownshipScore(Long assessmentId, Long unitId, String criterionCode, BigDecimal points) {
        this.assessmentId = assessmentId;
        this.unitId = unitId;
        this.criterionCode = criterionCode;
        this.points = points;
    }

    void points(BigDecimal points) {
        this.points = points;
    }

    Long getAssessmentId() {
        return assessmentId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getCriterionCode() {
        return criterionCode;
    }

    BigDecimal getPoints() {
        return points;
    }
}
