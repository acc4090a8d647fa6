package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member who proposes the case: the lead proposer, a co-signer, or one who joined by a merge. */
@Entity
class ProposalProposer extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long memberId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ProposerRole role;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Confirmation confirmation;
    private Long mergedFromId;

    protected ProposalProposer() {
    }

    ProposalProposer(Long proposalId, Long memberId, ProposerRole role, Confirmation confirmation, Long mergedFromId) {
        this.proposalId = proposalId;
        this.memberId = memberId;
        this.role = role;
        this.confirmation = confirmation;
        this.mergedFromId = mergedFromId;
    }

    void confirm(Confirmation answer) {
        this.confirmation = answer;
    }

    Long getProposalId() {
        return proposalId;
    }

    Long getMemberId() {
        return memberId;
    }

    ProposerRole getRole() {
        return role;
    }

    Confirmation getConfirmation() {
        return confirmation;
    }

    Long getMergedFromId() {
        return mergedFromId;
    }
}
