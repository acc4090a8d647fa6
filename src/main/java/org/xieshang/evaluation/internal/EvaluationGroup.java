package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One evaluation group per unit, led by a vice-chair (DESIGN §5). */
@Entity
@Table(name = "evaluation_group")
class EvaluationGroup extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long evaluationId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false)
    private Long leaderMemberId;

    protected EvaluationGroup() {
    }

    EvaluationGroup(Long evaluationId, Long unitId, Long leaderMemberId) {
        this.evaluationId = evaluationId;
        this.unitId = unitId;
        this.leaderMemberId = leaderMemberId;
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getLeaderMemberId() {
        return leaderMemberId;
    }
}
