package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A not-filed proposal's text kept as a social-conditions report or a member letter to a unit. */
@Entity
public class ProposalConversion extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConversionKind kind;
    private Long unitId;
    @Column(length = 2000)
    private String note;
    @Column(nullable = false)
    private Instant createdAt;

    protected ProposalConversion() {
    }

    public ProposalConversion(Long proposalId, ConversionKind kind, Long unitId, String note) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.unitId = unitId;
        this.note = note;
        this.createdAt = Instant.now();
    }

    Long getProposalId() {
        return proposalId;
    }

    public ConversionKind getKind() {
        return kind;
    }

    Long getUnitId() {
        return unitId;
    }

    String getNote() {
        return note;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
