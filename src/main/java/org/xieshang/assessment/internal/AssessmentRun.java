package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** An assessment run over a period, with the rules it used (snapshot) and its progress. */
@Entity
@Table(name = "assessment_run")
class AssessmentRun extends CommitteeScopedEntity {

    enum Status { RUNNING, DONE, FAILED }

    private LocalDate fromDate;
    private LocalDate toDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String rulesJson;
    private int membersTotal;
    private int membersDone;
    private Instant startedAt;
    private String startedBy;
    private Instant finishedAt;
    private String failure;

    protected AssessmentRun() {
    }

    AssessmentRun(LocalDate from, LocalDate to, String rulesJson, int membersTotal, Instant at, String by) {
        this.fromDate = from;
        this.toDate = to;
        this.rulesJson = rulesJson;
        this.membersTotal = membersTotal;
        this.status = Status.RUNNING;
        this.startedAt = at;
        this.startedBy = by;
    }

    void progress(int done) {
        this.membersDone = done;
    }

    void done(Instant at) {
        this.status = Status.DONE;
        this.membersDone = membersTotal;
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
    String getRulesJson() { return rulesJson; }
    int getMembersTotal() { return membersTotal; }
    int getMembersDone() { return membersDone; }
    Instant getStartedAt() { return startedAt; }
    String getStartedBy() { return startedBy; }
    Instant getFinishedAt() { return finishedAt; }
    String getFailure() { return failure; }
}
