package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One change of a member's attendance, kept as history (a correction carries its reason). */
@Entity
@jakarta.persistence.Table(name = "activity_attendance_change")
class AttendanceChange extends CommitteeScopedEntity {

    enum Cause { CHECK_IN, LEAVE, CLOSE, CORRECTION }

    @Column(nullable = false)
    private Long activityId;
    @Column(nullable = false)
    private Long memberId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AttendanceStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AttendanceStatus toStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Cause cause;
    @Column(length = 2000)
    private String reason;
    @Column(nullable = false, length = 100)
    private String changedBy;
    @Column(nullable = false)
    private Instant changedAt;

    protected AttendanceChange() {
    }

    AttendanceChange(Long activityId, Long memberId, AttendanceStatus from, AttendanceStatus to, Cause cause, String reason,
                     String changedBy, Instant changedAt) {
        this.activityId = activityId;
        this.memberId = memberId;
        this.fromStatus = from;
        this.toStatus = to;
        this.cause = cause;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    Long getActivityId() {
        return activityId;
    }

    Long getMemberId() {
        return memberId;
    }

    AttendanceStatus getFromStatus() {
        return fromStatus;
    }

    AttendanceStatus getToStatus() {
        return toStatus;
    }

    Cause getCause() {
        return cause;
    }

    String getReason() {
        return reason;
    }

    String getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}
