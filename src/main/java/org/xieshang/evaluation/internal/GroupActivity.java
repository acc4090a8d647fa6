package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A research visit or symposium of a group: an activity of the activity module, linked by id. */
@Entity
@Table(name = "evaluation_group_activity")
class GroupActivity extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long groupId;
    @Column(nullable = false)
    private Long activityId;

    protected GroupActivity() {
    }

    GroupActivity(Long groupId, Long activityId) {
        this.groupId = groupId;
        this.activityId = activityId;
    }

    Long getGroupId() {
        return groupId;
    }

    Long getActivityId() {
        return activityId;
    }
}
