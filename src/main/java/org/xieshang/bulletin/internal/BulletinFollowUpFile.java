package org.xieshang.bulletin.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A file the unit attached to its answer to a leader's comment; the bytes are in the FileStore. */
@Entity
class BulletinFollowUpFile extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long followUpId;
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

    protected BulletinFollowUpFile() {
    }

    BulletinFollowUpFile(Long followUpId, String filename, String contentType, long size, String storageKey,
                         String uploadedBy, Instant createdAt) {
        this.followUpId = followUpId;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }

    Long getFollowUpId() {
        return followUpId;
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
