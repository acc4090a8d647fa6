package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A file documenting what an activity produced (minutes, photos, a research report), uploaded by the office. */
@Entity
@jakarta.persistence.Table(name = "activity_outcome")
class Outcome extends CommitteeScopedEntity {

    enum Kind { MINUTES, PHOTO, RESEARCH_REPORT, OTHER }

    @Column(nullable = false)
    private Long activityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;
    @Column(nullable = false, length = 200)
    private String filename;
    @Column(nullable = false, length = 100)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false, length = 200)
    private String storageKey;
    @Column(nullable = false, length = 100)
    private String uploadedBy;
    @Column(nullable = false)
    private Instant uploadedAt;

    protected Outcome() {
    }

    Outcome(Long activityId, Kind kind, String filename, String contentType, long size, String storageKey, String uploadedBy,
            Instant uploadedAt) {
        this.activityId = activityId;
        this.kind = kind;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getActivityId() {
        return activityId;
    }

    Kind getKind() {
        return kind;
    }

    String getFilename() {
        return filename;
    }

    String getContentType() {
        return contentType;
    }

    long getSize() {
        return size;
    }

    String getStorageKey() {
        return storageKey;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }
}
