package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member (standing committee member or member) of an evaluation group. */
@Entity
@Table(name = "evaluation_group_member")
class GroupMember extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long groupId;
    @Column(nullable = false)
    private Long memberId;

    protected GroupMember() {
    }

    GroupMember(Long groupId, Long memberId) {
        this.groupId = groupId;
        this.memberId = memberId;
    }

    Long getGroupId() {
        return groupId;
    }

    Long getMemberId() {
        return memberId;
    }
}
