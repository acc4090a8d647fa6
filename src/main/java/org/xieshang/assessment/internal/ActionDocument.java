package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A document of a member action (e.g. the talk's minutes), stored in the shared FileStore. */
@Entity
@Table(name = "member_action_document")
class ActionDocument extends CommitteeScopedEntity {

    private Long actionId;
    private String fileKey;
    private String filename;
    private String contentType;
    private long sizeBytes;

    protected ActionDocument() {
    }

    ActionDocument(Long actionId, String fileKey, String filename, String contentType, long sizeBytes) {
        this.actionId = actionId;
        this.fileKey = fileKey;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
    }

    Long getActionId() { return actionId; }
    String getFileKey() { return fileKey; }
    String getFilename() { return filename; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
}
