package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One year's township and street assessment: its checklist and the weight the year gives it (e.g. 1.5, then 2). */
@Entity
@Table(name = "township_assessment")
class TownshipAssessment extends CommitteeScopedEntity {

    @Column(name = "assess_year", nullable = false)
    private int year;
    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal weight;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false, length = 100)
    private String createdBy;

    protected TownshipAssessment() {
    }

    TownshipAssessment(int year, BigDecimal weight, Instant createdAt, String createdBy) {
        this.year = year;
        this.weight = weight;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    int getYear() {
        return year;
    }

    BigDecimal getWeight() {
        return weight;
    }
}
