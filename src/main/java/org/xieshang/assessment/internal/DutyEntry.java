package org.xieshang.assessment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * One entry of a member's duty record, keyed by its source (type, id, aspect) and the member: a
 * source that changes updates its entry; an entry whose source no longer counts turns inactive.
 */
@Entity
@Table(name = "duty_entry")
class DutyEntry extends CommitteeScopedEntity {

    private Long memberId;
    @Enumerated(EnumType.STRING)
    private DutyKind kind;
    @Enumerated(EnumType.STRING)
    private ActivityType activityType;
    @Enumerated(EnumType.STRING)
    private AdoptionLevel adoptionLevel;
    private LocalDate entryDate;
    private String description;
    private Integer points;
    private String sourceType;
    private Long sourceId;
    private String sourceAspect;
    private boolean active;
    private String evidenceKey;
    private String evidenceName;
    private String evidenceType;
    private String recordedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DutyEntry() {
    }

    DutyEntry(Long memberId, String sourceType, Long sourceId, String sourceAspect) {
        this.memberId = memberId;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.sourceAspect = sourceAspect;
    }

    /** Sets what the source says now; answers whether anything changed. */
    boolean follow(DutyKind kind, ActivityType type, AdoptionLevel level, LocalDate date, String description,
                   Integer points, boolean active, String by, Instant at) {
        boolean changed = getId() == null || this.kind != kind || this.activityType != type || this.adoptionLevel != level
                || !date.equals(this.entryDate) || !description.equals(this.description)
                || !java.util.Objects.equals(points, this.points) || this.active != active;
        if (changed) {
            this.kind = kind;
            this.activityType = type;
            this.adoptionLevel = level;
            this.entryDate = date;
            this.description = description;
            this.points = points;
            this.active = active;
            this.recordedBy = by;
            this.updatedAt = at;
        }
        return changed;
    }

    void deactivate(Instant at) {
        this.active = false;
        this.updatedAt = at;
    }

    void evidence(String key, String name, String type) {
        this.evidenceKey = key;
        this.evidenceName = name;
        this.evidenceType = type;
    }

    void describe(String description) {
        this.description = description;
    }

    Long getMemberId() { return memberId; }
    DutyKind getKind() { return kind; }
    ActivityType getActivityType() { return activityType; }
    AdoptionLevel getAdoptionLevel() { return adoptionLevel; }
    LocalDate getEntryDate() { return entryDate; }
    String getDescription() { return description; }
    Integer getPoints() { return points; }
    String getSourceType() { return sourceType; }
    Long getSourceId() { return sourceId; }
    String getSourceAspect() { return sourceAspect; }
    boolean isActive() { return active; }
    String getEvidenceKey() { return evidenceKey; }
    String getEvidenceName() { return evidenceName; }
    String getEvidenceType() { return evidenceType; }
    String getRecordedBy() { return recordedBy; }
    Instant getUpdatedAt() { return updatedAt; }
}
