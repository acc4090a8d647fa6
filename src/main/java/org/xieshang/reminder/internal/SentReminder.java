package org.xieshang.reminder.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * That a reminder of a case went out. Unique per case, kind, deadline and occurrence: the row
 * is written in the transaction of the notices, so a second run of the same reminder (restart,
 * second node) fails on the key and tells no one again.
 */
@Entity
@Table(name = "proposal_reminder")
class SentReminder extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReminderKind kind;
    /** The due date; for a rating reminder the day the reply was approved. */
    @Column(nullable = false)
    private LocalDate dueDate;
    @Column(nullable = false)
    private int occurrence;
    @Column(nullable = false)
    private LocalDate reminderDate;
    @Column(nullable = false)
    private Instant sentAt;
    /** Addressees: units, leaders or proposers. */
    @Column(nullable = false)
    private int recipients;

    protected SentReminder() {
    }

    SentReminder(Long proposalId, ReminderKind kind, LocalDate dueDate, int occurrence, LocalDate reminderDate, Instant sentAt) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.dueDate = dueDate;
        this.occurrence = occurrence;
        this.reminderDate = reminderDate;
        this.sentAt = sentAt.truncatedTo(ChronoUnit.MILLIS);
    }

    void sentTo(int recipients) {
        this.recipients = recipients;
    }

    Long getProposalId() {
        return proposalId;
    }

    ReminderKind getKind() {
        return kind;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    int getOccurrence() {
        return occurrence;
    }

    LocalDate getReminderDate() {
        return reminderDate;
    }

    Instant getSentAt() {
        return sentAt;
    }

    int getRecipients() {
        return recipients;
    }
}

interface SentReminderRepository extends JpaRepository<SentReminder, Long> {
    List<SentReminder> findByProposalIdOrderByReminderDateAscIdAsc(Long proposalId);

    boolean existsByProposalIdAndKindAndDueDateAndOccurrence(Long proposalId, ReminderKind kind, LocalDate dueDate, int occurrence);
}
