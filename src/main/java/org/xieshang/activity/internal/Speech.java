package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member spoke (发言) at an activity, as recorded by the office. */
@Entity
@jakarta.persistence.Table(name = "activity_speech")
class Speech extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long activityId;
    @Column(nullable = false)
    private Long memberId;
    @Column(nullable = false, length = 500)
    private String topic;
    @Column(nullable = false, length = 100)
    private String recordedBy;
    @Column(nullable = false)
    private Instant recordedAt;

    protected Speech() {
    }

    Speech(Long activityId, Long memberId, String topic, String recordedBy, Instant recordedAt) {
        this.activityId = activityId;
        this.memberId = memberId;
        this.topic = topic;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long getActivityId() {
        return activityId;
    }

    Long getMemberId() {
        return memberId;
    }

    String getTopic() {
        return topic;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
