package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One subject of a bulletin, in the order it was compiled; the title is the one it had then. */
@Entity
@Table(name = "bulletin_subject")
class BulletinSubjectEntry extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long bulletinId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 40)
    private String subjectType;
    @Column(nullable = false)
    private Long subjectId;
    @Column(nullable = false, length = 500)
    private String title;

    protected BulletinSubjectEntry() {
    }

    BulletinSubjectEntry(Long bulletinId, int position, BulletinSubject subject) {
        this.bulletinId = bulletinId;
        this.position = position;
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        String t = subject.title();
        this.title = t.length() <= 500 ? t : t.substring(0, 499) + "…";
    }

    Long getBulletinId() {
        return bulletinId;
    }

    BulletinSubject subject() {
        return new BulletinSubject(subjectType, subjectId, title);
    }
}
