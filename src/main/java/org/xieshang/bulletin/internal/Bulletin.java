package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * A bulletin (政协简讯 BRIEF / 提案要点 KEY_POINTS / 社情民意专报 SOCIAL_CONDITIONS) for chosen leaders
 * to read and comment; what it is about is in {@link BulletinSubjectEntry}.
 */
@Entity
class Bulletin extends CommitteeScopedEntity {


    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private BulletinKind kind;
    /** Numbered per kind and year: 2026年第3期. */
    @Column(name = "bulletin_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, length = 1000000)
    private String content;
    /** The proposals it was compiled from, space-separated ids: superseded by bulletin_subject (V17), still written so the column stays consistent until it is dropped. */
    @Column(nullable = false, length = 4000)
    private String proposalIds;
    @Column(nullable = false, length = 100)
    private String createdBy;
    @Column(nullable = false)
    private Instant createdAt;

    protected Bulletin() {
    }

    Bulletin(BulletinKind kind, int year, int seq, String title, String content, List<Long> proposalIds, String createdBy) {
        this.kind = kind;
        this.year = year;
        this.seq = seq;
        this.title = title;
        this.content = content;
        this.proposalIds = proposalIds.stream().map(String::valueOf).collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    BulletinKind getKind() {
        return kind;
    }

    int getYear() {
        return year;
    }

    int getSeq() {
        return seq;
    }

    String getTitle() {
        return title;
    }

    String getContent() {
        return content;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
