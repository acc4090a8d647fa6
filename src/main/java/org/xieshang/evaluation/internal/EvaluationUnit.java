package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A unit chosen for a year; unique per term in the database, so that no unit is evaluated twice in a term. */
@Entity
@Table(name = "evaluation_unit")
class EvaluationUnit extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long evaluationId;
    @Column(nullable = false)
    private Long termId;
    @Column(name = "eval_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false, length = 200)
    private String unitName;
    @Column(nullable = false, length = 30)
    private String unitType;
    /** The proposal figures kept at publication (null before, or when the dimension is scored by ballots). */
    private Long handlingReplied;
    private Long handlingOnTime;
    private Long handlingRated;
    private Long handlingSatisfied;

    protected EvaluationUnit() {
    }

    EvaluationUnit(Long evaluationId, Long termId, int year, Long unitId, String unitName, String unitType) {
        this.evaluationId = evaluationId;
        this.termId = termId;
        this.year = year;
        this.unitId = unitId;
        this.unitName = unitName;
        this.unitType = unitType;
    }

    void keepHandling(HandlingFigure f) {
        handlingReplied = f.replied();
        handlingOnTime = f.onTime();
        handlingRated = f.rated();
        handlingSatisfied = f.satisfied();
    }

    /** The figures kept at publication, if any. */
    java.util.Optional<HandlingFigure> keptHandling() {
        return handlingReplied == null ? java.util.Optional.empty()
                : java.util.Optional.of(new HandlingFigure(handlingReplied, handlingOnTime, handlingRated, handlingSatisfied));
    }

    Long getEvaluationId() {
        return evaluationId;
    }

    Long getTermId() {
        return termId;
    }

    int getYear() {
        return year;
    }

    Long getUnitId() {
        return unitId;
    }

    String getUnitName() {
        return unitName;
    }

    String getUnitType() {
        return unitType;
    }
}
