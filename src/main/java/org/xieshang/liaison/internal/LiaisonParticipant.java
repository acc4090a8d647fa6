package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A member met in a contact. */
@Entity
@Table(name = "liaison_contact_member")
class LiaisonParticipant extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long contactId;
    @Column(nullable = false)
    private Long memberId;
    /** Met at a symposium though not in the liaison's group (issue 15 point 9): an extra contact. */
    @Column(nullable = false)
    private boolean extra;

    protected LiaisonParticipant() {
    }

    LiaisonParticipant(Long contactId, Long memberId) {
        this(contactId, memberId, false);
    }

    LiaisonParticipant(Long contactId, Long memberId, boolean extra) {
        this.contactId = contactId;
        this.memberId = memberId;
        this.extra = extra;
    }

    boolean isExtra() {
        return extra;
    }

    Long getContactId() {
        return contactId;
    }

    Long getMemberId() {
        return memberId;
    }
}
