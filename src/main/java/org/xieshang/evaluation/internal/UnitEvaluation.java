package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * One year's democratic evaluation in a term: the standing committee's decision (meeting, date), the
 * units (see {@link EvaluationUnit}), the dimensions, and its state. VOTING until published; a
 * published evaluation takes no more ballots and its results are public.
 */
@Entity
@Table(name = "unit_evaluation")
class UnitEvaluation extends CommitteeScopedEntity {

    enum Status { VOTING, PUBLISHED }

    @Column(nullable = false)
    private Long termId;
    @Column(name = "eval_year", nullable = false)
    private int year;
    @Column(length = 200)
    private String meeting;
    private LocalDate decisionDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.VOTING;
    private Instant publishedAt;
    @Column(length = 100)
    private String publishedBy;
    private Long bulletinId;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false, length = 100)
    private String createdBy;
    /** The year's setting: the proposal-handling dimension is filled from the units' proposal figures. */
    @Column(name = "handling_from_stats", nullable = false)
    private boolean handlingFromStats;

    protected UnitEvaluation() {
    }

    UnitEvaluation(Long termId, int year, String meeting, LocalDate decisionDate, Instant createdAt, String createdBy) {
        this.termId = termId;
        this.year = year;
        this.meeting = meeting;
        this.decisionDate = decisionDate;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void publish(Instant at, String by) {
        status = Status.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    void handlingFromStats(boolean fromStats) {
        handlingFromStats = fromStats;
    }

    boolean isHandlingFromStats() {
        return handlingFromStats;
    }

    void bulletin(Long id) {
        bulletinId = id;
    }

    Long getTermId() {
        return termId;
    }

    int getYear() {
        return year;
    }

    String getMeeting() {
        return meeting;
    }

    LocalDate getDecisionDate() {
        return decisionDate;
    }

    Status getStatus() {
        return status;
    }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Long getBulletinId() {
        return bulletinId;
    }
}
