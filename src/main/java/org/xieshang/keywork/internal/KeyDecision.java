package org.xieshang.keywork.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** The chair's meeting's yearly decision choosing key proposals (主席会议确定重点提案). */
@Entity
@Table(name = "key_proposal_decision")
class KeyDecision extends CommitteeScopedEntity {

    @Column(name = "decision_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private LocalDate meetingDate;
    /** The chosen cases, space-separated ids (the cases themselves carry the key flag). */
    @Column(nullable = false, length = 4000)
    private String proposalIds;
    @Column(length = 4000)
    private String reasons;
    @Column(nullable = false, length = 100)
    private String createdBy;
    @Column(nullable = false)
    private Instant createdAt;

    protected KeyDecision() {
    }

    KeyDecision(int year, LocalDate meetingDate, List<Long> proposalIds, String reasons, String createdBy) {
        this.year = year;
        this.meetingDate = meetingDate;
        this.proposalIds = proposalIds.stream().map(String::valueOf).collect(Collectors.joining(" "));
        this.reasons = reasons;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    int getYear() {
        return year;
    }

    LocalDate getMeetingDate() {
        return meetingDate;
    }

    List<Long> proposalIds() {
        return proposalIds.isBlank() ? List.of() : Arrays.stream(proposalIds.split(" ")).map(Long::valueOf).toList();
    }

    String getReasons() {
        return reasons;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
