package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** An invited member of an activity with their current attendance. */
@Entity
@jakarta.persistence.Table(name = "activity_invitation")
class Invitation extends CommitteeScopedEntity {

    /** How a member was checked in. */
    enum CheckInBy { QR_CODE, SELF, OFFICE }

    @Column(nullable = false)
    private Long activityId;
    @Column(nullable = false)
    private Long memberId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AttendanceStatus status;
    private Instant checkedInAt;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private CheckInBy checkInBy;

    protected Invitation() {
    }

    Invitation(Long activityId, Long memberId) {
        this.activityId = activityId;
        this.memberId = memberId;
        this.status = AttendanceStatus.INVITED;
    }

    void checkIn(Instant at, CheckInBy by) {
        this.status = AttendanceStatus.PRESENT;
        this.checkedInAt = at;
        this.checkInBy = by;
    }

    void set(AttendanceStatus status) {
        this.status = status;
    }

    Long getActivityId() {
        return activityId;
    }

    Long getMemberId() {
        return memberId;
    }

    AttendanceStatus getStatus() {
        return status;
    }

    Instant getCheckedInAt() {
        return checkedInAt;
    }

    CheckInBy getCheckInBy() {
        return checkInBy;
    }
}
