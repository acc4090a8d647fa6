package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One pair of a plan: a liaison looks after a member for the year. */
@Entity
class LiaisonAssignment extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long planId;
    @Column(nullable = false)
    private Long liaisonMemberId;
    @Column(nullable = false)
    private Long memberId;
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private PlanGenerator.RepeatReason repeatReason;
    private Integer repeatOpen;
    private Integer repeatHolding;
    @Column(nullable = false)
    private boolean movedByHand;

    protected LiaisonAssignment() {
    }

    LiaisonAssignment(Long planId, Long liaisonMemberId, Long memberId) {
        this.planId = planId;
        this.liaisonMemberId = liaisonMemberId;
        this.memberId = memberId;
    }

    void explainRepeat(PlanGenerator.Repeat repeat) {
        this.repeatReason = repeat.reason();
        this.repeatOpen = repeat.openLiaisons();
        this.repeatHolding = repeat.membersHolding();
    }

    void moveTo(Long liaisonMemberId) {
        this.liaisonMemberId = liaisonMemberId;
        this.movedByHand = true;
        this.repeatReason = null;
        this.repeatOpen = null;
        this.repeatHolding = null;
    }

    Long getPlanId() {
        return planId;
    }

    Long getLiaisonMemberId() {
        return liaisonMemberId;
    }

    Long getMemberId() {
        return memberId;
    }

    PlanGenerator.RepeatReason getRepeatReason() {
        return repeatReason;
    }

    Integer getRepeatOpen() {
        return repeatOpen;
    }

    Integer getRepeatHolding() {
        return repeatHolding;
    }

    boolean isMovedByHand() {
        return movedByHand;
    }
}
