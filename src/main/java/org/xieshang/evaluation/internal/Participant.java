package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A service recipient (服务对象) in a group: no account; votes with a one-time ballot code. */
@Entity
@Table(name = "evaluation_participant")
class Participant extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long groupId;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 200)
    private String organisation;

    protected Participant() {
    }

    Participant(Long groupId, String name, String organisation) {
        this.groupId = groupId;
        this.name = name;
        this.organisation = organisation;
    }

    Long getGroupId() {
        return groupId;
    }

    String getName() {
        return name;
    }

    String getOrganisation() {
        return organisation;
    }
}
