package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A co-handling unit (协办) of the current assignment, and its opinion to the lead unit (会签). */
@Entity
public class ProposalCoUnit extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long unitId;
    @Column(length = 20000)
    private String opinion;
    private Instant opinionAt;

    protected ProposalCoUnit() {
    }

    public ProposalCoUnit(Long proposalId, Long unitId) {
        this.proposalId = proposalId;
        this.unitId = unitId;
    }

    public void giveOpinion(String opinion) {
        this.opinion = opinion;
        this.opinionAt = Instant.now();
    }

    Long getProposalId() {
        return proposalId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getOpinion() {
        return opinion;
    }

    public Instant getOpinionAt() {
        return opinionAt;
    }
}
