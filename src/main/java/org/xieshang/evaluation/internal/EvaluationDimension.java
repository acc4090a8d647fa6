package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A weighted dimension of one year's ballots, e.g. 部门职能履行 (DUTY_PERFORMANCE). */
@Entity
@Table(name = "evaluation_dimension")
class EvaluationDimension extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long evaluationId;
    @Column(nullable = false, length = 40)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal weight;
    @Column(nullable = false)
    private int sortOrder;

    protected EvaluationDimension() {
    }

    EvaluationDimension(Long evaluationId, String code, String name, BigDecimal weight, int sortOrder) {
        this.evaluationId = evaluationId;
        this.code = code;
        this.name = name;
        this.weight = weight;
        this.sortOrder = sortOrder;
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    BigDecimal getWeight() {
        return weight;
    }

    int getSortOrder() {
        return sortOrder;
    }
}
