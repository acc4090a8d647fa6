package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A consequence for a member: warning (警告), persuasion to resign (劝退), admonishment talk (诫勉谈话). */
@Entity
@Table(name = "member_action")
class MemberAction extends CommitteeScopedEntity {

    enum Type { WARNING, PERSUADE_TO_RESIGN, ADMONISHMENT_TALK }

    private Long memberId;
    @Enumerated(EnumType.STRING)
    private Type actionType;
    private String reason;
    private LocalDate actionDate;
    private Instant recordedAt;
    private String recordedBy;

    protected MemberAction() {
    }

    MemberAction(Long memberId, Type type, String reason, LocalDate date, Instant at, String by) {
        this.memberId = memberId;
        this.actionType = type;
        this.reason = reason;
        this.actionDate = date;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    Long getMemberId() { return memberId; }
    Type getActionType() { return actionType; }
    String getReason() { return reason; }
    LocalDate getActionDate() { return actionDate; }
    Instant getRecordedAt() { return recordedAt; }
    String getRecordedBy() { return recordedBy; }
}
