package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A file attached to a proposal, stored under the data directory. */
@Entity
public class ProposalAttachment extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false, length = 200)
    private String filename;
    @Column(nullable = false, length = 100)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false, length = 200)
    private String storageKey;
    @Column(nullable = false)
    private Instant createdAt;
    /** The supervision event the file documents; null for the case's own attachments. */
    private Long supervisionEventId;

    protected ProposalAttachment() {
    }

    public ProposalAttachment(Long proposalId, String filename, String contentType, long size, String storageKey) {
        this.proposalId = proposalId;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.storageKey = storageKey;
        this.createdAt = Instant.now();
    }

    public ProposalAttachment(Long proposalId, Long supervisionEventId, String filename, String contentType, long size,
                       String storageKey) {
        this(proposalId, filename, contentType, size, storageKey);
        this.supervisionEventId = supervisionEventId;
    }

    public Long getSupervisionEventId() {
        return supervisionEventId;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getStorageKey() {
        return storageKey;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
