package org.xieshang.keywork.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A supervision event of a key proposal: a visit, research, symposium, progress report meeting or joint inspection. */
@Entity
class SupervisionEvent extends CommitteeScopedEntity {


    @Column(nullable = false)
    private Long proposalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SupervisionType type;
    @Column(name = "event_date", nullable = false)
    private LocalDate date;
    @Column(nullable = false, length = 20000)
    private String content;
    @Column(length = 2000)
    private String participants;
    @Column(nullable = false)
    private Long authorUserId;
    @Column(nullable = false, length = 100)
    private String author;
    @Column(nullable = false)
    private Instant createdAt;

    protected SupervisionEvent() {
    }

    SupervisionEvent(Long proposalId, SupervisionType type, LocalDate date, String content, String participants,
                     Long authorUserId, String author) {
        this.proposalId = proposalId;
        this.type = type;
        this.date = date;
        this.content = content;
        this.participants = participants;
        this.authorUserId = authorUserId;
        this.author = author;
        this.createdAt = Instant.now();
    }

    Long getProposalId() {
        return proposalId;
    }

    SupervisionType getType() {
        return type;
    }

    LocalDate getDate() {
        return date;
    }

    String getContent() {
        return content;
    }

    String getParticipants() {
        return participants;
    }

    Long getAuthorUserId() {
        return authorUserId;
    }

    String getAuthor() {
        return author;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
