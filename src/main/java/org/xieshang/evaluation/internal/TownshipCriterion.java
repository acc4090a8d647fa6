package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** An item of a year's township checklist, with its maximum points. */
@Entity
@Table(name = "township_criterion")
class TownshipCriterion extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long assessmentId;
    @Column(nullable = false, length = 40)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal maxPoints;
    @Column(nullable = false)
    private int sortOrder;

    protected TownshipCriterion() {
    }

    TownshipCriterion(Long assessmentId, String code, String name, BigDecimal maxPoints, int sortOrder) {
        this.assessmentId = assessmentId;
        this.code = code;
        this.name = name;
        this.maxPoints = maxPoints;
        this.sortOrder = sortOrder;
    }

    Long getAssessmentId() {
        return assessmentId;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    BigDecimal getMaxPoints() {
        return maxPoints;
    }
}
