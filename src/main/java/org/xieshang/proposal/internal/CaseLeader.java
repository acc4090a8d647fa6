package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * The case's read of who lead-handles (领办) or supervises (督办) it as a key proposal. The key work
 * module owns and writes these rows (table key_proposal_leader); this module only reads them — for
 * who may see the case, the search index's access field, the leaders' todos and the reminders'
 * copies — so it never depends on the key work.
 */
@Entity
@Immutable
@Table(name = "key_proposal_leader")
public class CaseLeader extends CommitteeScopedEntity {

    public enum Kind { LEAD, SUPERVISOR }

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind role;

    protected CaseLeader() {
    }

    Long getProposalId() {
        return proposalId;
    }

    public Long getUserId() {
        return userId;
    }

    public Kind getRole() {
        return role;
    }
}
