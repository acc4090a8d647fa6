package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** The office's rebuild of the duty record of a period from the source modules, with its progress. */
@Entity
@Table(name = "duty_rebuild")
class DutyRebuild extends CommitteeScopedEntity {

    enum Status { RUNNING, DONE, FAILED }

    private LocalDate fromDate;
    private LocalDate toDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int factsTotal;
    private int factsDone;
    private int entriesBefore;
    private Integer entriesAfter;
    private Instant startedAt;
    private String startedBy;
    private Instant finishedAt;
    private String failure;

    protected DutyRebuild() {
    }

    DutyRebuild(LocalDate from, LocalDate to, int entriesBefore, Instant at, String by) {
        this.fromDate = from;
        this.toDate = to;
        this.entriesBefore = entriesBefore;
        this.status = Status.RUNNING;
        this.startedAt = at;
        this.startedBy = by;
    }

    void total(int total) {
        this.factsTotal = total;
    }

    void progress(int done) {
        this.factsDone = done;
    }

    void done(int entriesAfter, Instant at) {
        this.status = Status.DONE;
        this.factsDone = factsTotal;
        this.entriesAfter = entriesAfter;
        this.finishedAt = at;
    }

    void failed(String why, Instant at) {
        this.status = Status.FAILED;
        this.failure = why == null ? "?" : why.length() > 2000 ? why.substring(0, 2000) : why;
        this.finishedAt = at;
    }

    LocalDate getFromDate() { return fromDate; }
    LocalDate getToDate() { return toDate; }
    Status getStatus() { return status; }
    int getFactsTotal() { return factsTotal; }
    int getFactsDone() { return factsDone; }
    int getEntriesBefore() { return entriesBefore; }
    Integer getEntriesAfter() { return entriesAfter; }
    Instant getStartedAt() { return startedAt; }
    String getStartedBy() { return startedBy; }
    Instant getFinishedAt() { return finishedAt; }
    String getFailure() { return failure; }
}
