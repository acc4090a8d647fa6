package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.activity.ActivityType;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A planned activity; its invitees and their attendance are {@link Invitation} rows. */
@Entity
class Activity extends CommitteeScopedEntity {

    enum Status { PLANNED, CLOSED, CANCELLED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ActivityType type;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(nullable = false)
    private Instant startsAt;
    @Column(nullable = false)
    private Instant endsAt;
    @Column(nullable = false, length = 300)
    private String location;
    @Column(length = 300)
    private String organiser;
    @Column(length = 4000)
    private String description;
    @Column(length = 4000)
    private String agenda;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;
    /** Signs the rotating check-in codes of this activity (never shown). */
    @Column(nullable = false, length = 100)
    private String codeSecret;
    @Column(nullable = false, length = 100)
    private String createdBy;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant closedAt;

    protected Activity() {
    }

    Activity(ActivityService.ActivityForm f, String codeSecret, String createdBy, Instant now) {
        this.type = f.type();
        this.title = f.title();
        this.startsAt = f.startsAt();
        this.endsAt = f.endsAt();
        this.location = f.location();
        this.organiser = f.organiser();
        this.description = f.description();
        this.agenda = f.agenda();
        this.status = Status.PLANNED;
        this.codeSecret = codeSecret;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void close(Instant now) {
        this.status = Status.CLOSED;
        this.closedAt = now;
    }

    boolean isClosed() {
        return status == Status.CLOSED;
    }

    /** Cancelled by the office before its end: no check-in, no leave, no close, not counted. */
    void cancel() {
        this.status = Status.CANCELLED;
    }

    boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    ActivityType getType() {
        return type;
    }

    String getTitle() {
        return title;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    String getLocation() {
        return location;
    }

    String getOrganiser() {
        return organiser;
    }

    String getDescription() {
        return description;
    }

    String getAgenda() {
        return agenda;
    }

    Status getStatus() {
        return status;
    }

    String getCodeSecret() {
        return codeSecret;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
