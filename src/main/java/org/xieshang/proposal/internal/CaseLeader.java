package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.springframework.data.jpa.repository.JpaRepository;
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
class CaseLeader extends CommitteeScopedEntity {

    enum Kind { LEAD, SUPERVISOR }

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

    Long getUserId() {
        return userId;
    }

    Kind getRole() {
        return role;
    }
}

interface CaseLeaderRepository extends JpaRepository<CaseLeader, Long> {
    List<CaseLeader> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndUserId(Long proposalId, Long userId);
}
