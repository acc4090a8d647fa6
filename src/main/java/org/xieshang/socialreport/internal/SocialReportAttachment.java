package org.xieshang.socialreport.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A file attached to a social-conditions report, stored under the data directory. */
@Entity
class SocialReportAttachment extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long reportId;
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
    private Instant createdAt;

    protected SocialReportAttachment() {
    }

    SocialReportAttachment(Long reportId, String filename, String contentType, long size, String storageKey,
                           String uploadedBy, Instant createdAt) {
        this.reportId = reportId;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }

    Long getReportId() {
        return reportId;
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

    Instant getCreatedAt() {
        return createdAt;
    }
}
