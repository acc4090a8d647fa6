package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member who proposes the case: the lead proposer, a co-signer, or one who joined by a merge. */
@Entity
public class ProposalProposer extends CommitteeScopedEntity {

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

    /** A row read by plain SQL ({@link CaseRows}), not managed: to read only (as {@link Proposal#read}). */
    static ProposalProposer read(CaseRows.Row r, Proposal p) {
        ProposalProposer x = new ProposalProposer();
        x.readAs(r.id(), p.getCommitteeId(), r.version());
        x.proposalId = p.getId();
        x.memberId = r.a1();
        x.mergedFromId = r.a2();
        x.role = ProposerRole.valueOf(r.s1());
        x.confirmation = Confirmation.valueOf(r.s2());
        return x;
    }

    public ProposalProposer(Long proposalId, Long memberId, ProposerRole role, Confirmation confirmation, Long mergedFromId) {
        this.proposalId = proposalId;
        this.memberId = memberId;
        this.role = role;
        this.confirmation = confirmation;
        this.mergedFromId = mergedFromId;
    }

    public void confirm(Confirmation answer) {
        this.confirmation = answer;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public ProposerRole getRole() {
        return role;
    }

    public Confirmation getConfirmation() {
        return confirmation;
    }

    public Long getMergedFromId() {
        return mergedFromId;
    }
}
