package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.time.AppTime;

/** One move of a case: who, when, which action, from which state to which, and why. */
@Entity
public class ProposalHistory extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Instant at;
    private Long actorUserId;
    @Column(nullable = false, length = 100)
    private String actor;
    @Column(nullable = false, length = 40)
    private String action;
    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private ProposalStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private ProposalStatus toStatus;
    @Column(length = 4000)
    private String note;

    protected ProposalHistory() {
    }

    ProposalHistory(Long proposalId, Long actorUserId, String actor, String action, ProposalStatus from,
                    ProposalStatus to, String note) {
        this.proposalId = proposalId;
        this.at = AppTime.now();
        this.actorUserId = actorUserId;
        this.actor = actor;
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.note = note;
    }

    Long getProposalId() {
        return proposalId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public ProposalStatus getFromStatus() {
        return fromStatus;
    }

    public ProposalStatus getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }
}
