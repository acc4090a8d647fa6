package org.xieshang.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** An evidence file of a township's score (stored by the shared FileStore). */
@Entity
@Table(name = "township_evidence")
class TownshipEvidence extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long assessmentId;
    @Column(nullable = false)
    private Long unitId;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 300)
    private String fileKey;
    @Column(nullable = false, length = 100)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false)
    private Instant uploadedAt;
    @Column(nullable = false, length = 100)
    private String uploadedBy;

    protected TownshipEvidence() {
    }

    TownshipEvidence(Long assessmentId, Long unitId, String name, String fileKey, String contentType, long size,
                     Instant uploadedAt, String uploadedBy) {
        this.assessmentId = assessmentId;
        this.unitId = unitId;
        this.name = name;
        this.fileKey = fileKey;
        this.contentType = contentType;
        this.size = size;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    Long getAssessmentId() {
        return assessmentId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getName() {
        return name;
    }

    String getFileKey() {
        return fileKey;
    }

    String getContentType() {
        return contentType;
    }

    long getSize() {
        return size;
    }
}
