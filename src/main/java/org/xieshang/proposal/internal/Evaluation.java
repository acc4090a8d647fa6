package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.time.AppTime;

/** A proposer's satisfaction rating of one reply: attitude and result separately. */
@Entity
public class Evaluation extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long memberId;
    @Column(nullable = false)
    private int round;
    /** Whose reply is rated: the lead unit's, or a split case's part's unit (issue 15 point 2). */
    private Long unitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Rating attitude;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Rating result;
    @Column(length = 4000)
    private String comment;
    @Column(nullable = false)
    private Instant createdAt;

    protected Evaluation() {
    }

    public Evaluation(Long proposalId, Long memberId, int round, Long unitId, Rating attitude, Rating result,
                      String comment) {
        this.unitId = unitId;
        this.proposalId = proposalId;
        this.memberId = memberId;
        this.round = round;
        this.attitude = attitude;
        this.result = result;
        this.comment = comment;
        this.createdAt = AppTime.now();
    }

    Long getProposalId() {
        return proposalId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public int getRound() {
        return round;
    }

    public Rating getAttitude() {
        return attitude;
    }

    public Rating getResult() {
        return result;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
