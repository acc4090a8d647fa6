package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A lead unit's objection to an assignment (退办), open until staff assign again. */
@Entity
public class ReassignmentRequest extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false, length = 4000)
    private String reason;
    @Column(nullable = false)
    private Instant requestedAt;
    private Instant resolvedAt;

    protected ReassignmentRequest() {
    }

    public ReassignmentRequest(Long proposalId, Long unitId, String reason) {
        this.proposalId = proposalId;
        this.unitId = unitId;
        this.reason = reason;
        this.requestedAt = Instant.now();
    }

    public void resolve() {
        if (resolvedAt == null) {
            resolvedAt = Instant.now();
        }
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
