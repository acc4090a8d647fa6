package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.liaison.ContactMethod;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A logged contact of a liaison with one or more of their members; its members are {@link LiaisonParticipant} rows. */
@Entity
class LiaisonContact extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long liaisonMemberId;
    @Column(nullable = false)
    private LocalDate contactDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContactMethod method;
    @Column(length = 4000)
    private String conveyed;
    @Column(length = 4000)
    private String suggestions;
    @Column(length = 4000)
    private String committeeSuggestions;
    @Column(length = 4000)
    private String situation;
    @Column(length = 4000)
    private String proposalLeads;
    @Column(length = 4000)
    private String difficulties;
    @Column(nullable = false, length = 100)
    private String recordedBy;
    @Column(nullable = false)
    private Instant recordedAt;

    protected LiaisonContact() {
    }

    LiaisonContact(LiaisonContactService.ContactForm form, String recordedBy) {
        this.liaisonMemberId = form.liaisonMemberId();
        this.contactDate = form.date();
        this.method = form.method();
        this.conveyed = form.conveyed();
        this.suggestions = form.suggestions();
        this.committeeSuggestions = form.committeeSuggestions();
        this.situation = form.situation();
        this.proposalLeads = form.proposalLeads();
        this.difficulties = form.difficulties();
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    Long getLiaisonMemberId() {
        return liaisonMemberId;
    }

    LocalDate getContactDate() {
        return contactDate;
    }

    ContactMethod getMethod() {
        return method;
    }

    String getConveyed() {
        return conveyed;
    }

    String getSuggestions() {
        return suggestions;
    }

    String getCommitteeSuggestions() {
        return committeeSuggestions;
    }

    String getSituation() {
        return situation;
    }

    String getProposalLeads() {
        return proposalLeads;
    }

    String getDifficulties() {
        return difficulties;
    }

    String getRecordedBy() {
        return recordedBy;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
