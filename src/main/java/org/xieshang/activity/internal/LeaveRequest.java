package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member's request for leave from an activity (请假), decided by the office. */
@Entity
@jakarta.persistence.Table(name = "activity_leave_request")
class LeaveRequest extends CommitteeScopedEntity {

    enum Status { PENDING, APPROVED, REFUSED }

    @Column(nullable = false)
    private Long activityId;
    @Column(nullable = false)
    private Long memberId;
    @Column(nullable = false, length = 2000)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;
    @Column(nullable = false)
    private Instant requestedAt;
    @Column(length = 100)
    private String decidedBy;
    private Instant decidedAt;
    @Column(length = 2000)
    private String refusalReason;

    protected LeaveRequest() {
    }

    LeaveRequest(Long activityId, Long memberId, String reason, Instant now) {
        this.activityId = activityId;
        this.memberId = memberId;
        this.reason = reason;
        this.status = Status.PENDING;
        this.requestedAt = now;
    }

    void decide(boolean approve, String refusalReason, String by, Instant now) {
        this.status = approve ? Status.APPROVED : Status.REFUSED;
        this.refusalReason = approve ? null : refusalReason;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    Long getActivityId() {
        return activityId;
    }

    Long getMemberId() {
        return memberId;
    }

    String getReason() {
        return reason;
    }

    Status getStatus() {
        return status;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getRefusalReason() {
        return refusalReason;
    }
}
