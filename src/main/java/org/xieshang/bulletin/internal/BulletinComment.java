package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A recipient leader's comment (批示) on a bulletin. */
@Entity
class BulletinComment extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long bulletinId;
    @Column(nullable = false)
    private Long userId;
    @Column(nullable = false, length = 100)
    private String author;
    @Column(nullable = false, length = 4000)
    private String content;
    @Column(nullable = false)
    private Instant createdAt;

    protected BulletinComment() {
    }

    BulletinComment(Long bulletinId, Long userId, String author, String content) {
        this.bulletinId = bulletinId;
        this.userId = userId;
        this.author = author;
        this.content = content;
        this.createdAt = Instant.now();
    }

    Long getBulletinId() {
        return bulletinId;
    }

    Long getUserId() {
        return userId;
    }

    String getAuthor() {
        return author;
    }

    String getContent() {
        return content;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
