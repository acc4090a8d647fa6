package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A one-time ballot code printed on a sheet (QR): not tied to a person; used once. */
@Entity
@Table(name = "evaluation_ballot_code")
class BallotCode extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long evaluationId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(nullable = false)
    private boolean used;

    protected BallotCode() {
    }

    BallotCode(Long evaluationId, Long unitId, String code) {
        this.evaluationId = evaluationId;
        this.unitId = unitId;
        this.code = code;
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getCode() {
        return code;
    }

    boolean isUsed() {
        return used;
    }
}
