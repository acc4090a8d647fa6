package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A leader a bulletin was sent to, and when they first read it (the read receipt staff see). */
@Entity
class BulletinRecipient extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long bulletinId;
    @Column(nullable = false)
    private Long userId;
    private Instant readAt;

    protected BulletinRecipient() {
    }

    BulletinRecipient(Long bulletinId, Long userId) {
        this.bulletinId = bulletinId;
        this.userId = userId;
    }

    /** Only the first reading counts. */
    boolean markRead() {
        if (readAt != null) {
            return false;
        }
        readAt = Instant.now();
        return true;
    }

    Long getBulletinId() {
        return bulletinId;
    }

    Long getUserId() {
        return userId;
    }

    Instant getReadAt() {
        return readAt;
    }
}
