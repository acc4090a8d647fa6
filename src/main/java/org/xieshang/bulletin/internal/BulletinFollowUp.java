package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** What a leader's comment asks of one unit, followed until the office marks it done. */
@Entity
class BulletinFollowUp extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long bulletinId;
    @Column(nullable = false)
    private Long commentId;
    @Column(nullable = false)
    private Long unitId;
    private Instant doneAt;
    @Column(length = 100)
    private String doneBy;
    @Column(length = 4000)
    private String doneNote;
    /** The unit's answer: what was done (issue 15 point 3); may be given again until the office closes it. */
    @Column(length = 4000)
    private String answer;
    private Instant answeredAt;
    @Column(length = 100)
    private String answeredBy;

    protected BulletinFollowUp() {
    }

    BulletinFollowUp(Long bulletinId, Long commentId, Long unitId) {
        this.bulletinId = bulletinId;
        this.commentId = commentId;
        this.unitId = unitId;
    }

    void done(String by, String note) {
        this.doneAt = Instant.now();
        this.doneBy = by;
        this.doneNote = note;
    }

    void answer(String text, String by, Instant at) {
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    String getAnswer() {
        return answer;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    String getAnsweredBy() {
        return answeredBy;
    }

    Long getBulletinId() {
        return bulletinId;
    }

    Long getCommentId() {
        return commentId;
    }

    Long getUnitId() {
        return unitId;
    }

    Instant getDoneAt() {
        return doneAt;
    }

    String getDoneBy() {
        return doneBy;
    }

    String getDoneNote() {
        return doneNote;
    }
}
