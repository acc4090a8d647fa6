package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.time.AppTime;

/** A unit's handling log entry: contact with the proposer, research, a meeting, progress. */
@Entity
public class HandlingRecord extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long unitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private HandlingType type;
    @Column(name = "record_date", nullable = false)
    private LocalDate date;
    @Column(nullable = false, length = 20000)
    private String content;
    /** The reply round this record belongs to: 0 before the first reply, 1 during rehandling. */
    private int round;
    @Column(nullable = false, length = 100)
    private String author;
    @Column(nullable = false)
    private Instant createdAt;

    protected HandlingRecord() {
    }

    public HandlingRecord(Long proposalId, Long unitId, HandlingType type, LocalDate date, String content, int round, String author) {
        this.proposalId = proposalId;
        this.unitId = unitId;
        this.type = type;
        this.date = date;
        this.content = content;
        this.round = round;
        this.author = author;
        this.createdAt = AppTime.now();
    }

    Long getProposalId() {
        return proposalId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public HandlingType getType() {
        return type;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getContent() {
        return content;
    }

    public int getRound() {
        return round;
    }

    public String getAuthor() {
        return author;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
