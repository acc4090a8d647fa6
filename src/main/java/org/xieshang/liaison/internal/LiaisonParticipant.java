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

    protected LiaisonParticipant() {
    }

    LiaisonParticipant(Long contactId, Long memberId) {
        this.contactId = contactId;
        this.memberId = memberId;
    }

    Long getContactId() {
        return contactId;
    }

    Long getMemberId() {
        return memberId;
    }
}
