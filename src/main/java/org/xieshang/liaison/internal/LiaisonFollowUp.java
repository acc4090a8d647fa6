package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A difficulty to help with or a proposal lead from a contact, followed until closed. */
@Entity
@Table(name = "liaison_follow_up")
class LiaisonFollowUp extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long contactId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FollowUpKind kind;
    @Column(nullable = false, length = 4000)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FollowUpStatus status = FollowUpStatus.OPEN;
    private Long memberId;
    @Column(length = 4000)
    private String resolution;
    private Instant closedAt;
    @Column(length = 100)
    private String closedBy;

    protected LiaisonFollowUp() {
    }

    LiaisonFollowUp(Long contactId, FollowUpKind kind, String body) {
        this.contactId = contactId;
        this.kind = kind;
        this.body = body;
    }

    void resolve(String resolution, String by) {
        this.status = FollowUpStatus.RESOLVED;
        this.resolution = resolution;
        close(by);
    }

    void raised(Long memberId, String by) {
        this.status = FollowUpStatus.RAISED;
        this.memberId = memberId;
        close(by);
    }

    private void close(String by) {
        this.closedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.closedBy = by;
    }

    Long getContactId() {
        return contactId;
    }

    FollowUpKind getKind() {
        return kind;
    }

    String getBody() {
        return body;
    }

    FollowUpStatus getStatus() {
        return status;
    }

    Long getMemberId() {
        return memberId;
    }

    String getResolution() {
        return resolution;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    String getClosedBy() {
        return closedBy;
    }
}
