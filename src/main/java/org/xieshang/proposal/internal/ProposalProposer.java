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

    static final String COLUMNS = "id, committee_id, version, proposal_id, member_id, role, confirmation, merged_from_id";

    /** A row read by plain SQL, not managed: to read only (as {@link Proposal#read}). */
    static ProposalProposer read(java.sql.ResultSet rs) throws java.sql.SQLException {
        ProposalProposer x = new ProposalProposer();
        x.readAs(rs.getLong("id"), rs.getLong("committee_id"), rs.getLong("version"));
        x.proposalId = rs.getLong("proposal_id");
        x.memberId = rs.getLong("member_id");
        x.role = org.xieshang.shared.jpa.Columns.of(ProposerRole.class, rs, "role");
        x.confirmation = org.xieshang.shared.jpa.Columns.of(Confirmation.class, rs, "confirmation");
        x.mergedFromId = org.xieshang.shared.jpa.Columns.id(rs, "merged_from_id");
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
