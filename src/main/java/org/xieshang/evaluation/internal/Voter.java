package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** That a member has voted for a unit, never what: the ballot itself is stored apart, without the voter. */
@Entity
@Table(name = "evaluation_voter")
class Voter extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long evaluationId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false)
    private Long memberId;

    protected Voter() {
    }

    Voter(Long evaluationId, Long unitId, Long memberId) {
        this.evaluationId = evaluationId;
        this.unitId = unitId;
        this.memberId = memberId;
    }
}
