package org.xieshang.keywork.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A leader attached to a key proposal: a party/government leader who lead-handles it (领办) or a CPPCC leader who supervises it (督办). */
@Entity
@Table(name = "key_proposal_leader")
class KeyLeader extends CommitteeScopedEntity {

    enum Kind { LEAD, SUPERVISOR }

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind role;

    protected KeyLeader() {
    }

    KeyLeader(Long proposalId, Long userId, Kind role) {
        this.proposalId = proposalId;
        this.userId = userId;
        this.role = role;
    }

    Long getProposalId() {
        return proposalId;
    }

    Long getUserId() {
        return userId;
    }

    Kind getRole() {
        return role;
    }
}
