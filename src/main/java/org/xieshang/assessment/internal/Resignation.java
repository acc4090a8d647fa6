package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member's resignation request (辞职), approved by the office after the standing committee meeting. */
@Entity
@Table(name = "resignation")
class Resignation extends CommitteeScopedEntity {

    enum Status { REQUESTED, APPROVED }

    private Long memberId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant requestedAt;
    private String requestedBy;
    private String meeting;
    private LocalDate meetingDate;
    private Instant decidedAt;
    private String decidedBy;

    protected Resignation() {
    }

    Resignation(Long memberId, String reason, Instant at, String by) {
        this.memberId = memberId;
        this.reason = reason;
        this.status = Status.REQUESTED;
        this.requestedAt = at;
        this.requestedBy = by;
    }

    void approve(String meeting, LocalDate meetingDate, Instant at, String by) {
        this.status = Status.APPROVED;
        this.meeting = meeting;
        this.meetingDate = meetingDate;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    Long getMemberId() { return memberId; }
    String getReason() { return reason; }
    Status getStatus() { return status; }
    Instant getRequestedAt() { return requestedAt; }
    String getRequestedBy() { return requestedBy; }
    String getMeeting() { return meeting; }
    LocalDate getMeetingDate() { return meetingDate; }
    Instant getDecidedAt() { return decidedAt; }
    String getDecidedBy() { return decidedBy; }
}
