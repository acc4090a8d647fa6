package org.xieshang.socialreport.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A leader's comment (批示) on an adopted report; passed on to its author. */
@Entity
class SocialReportComment extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long reportId;
    @Column(nullable = false)
    private Long authorUserId;
    @Column(nullable = false, length = 200)
    private String authorName;
    @Column(nullable = false, length = 4000)
    private String content;
    @Column(nullable = false)
    private Instant createdAt;

    protected SocialReportComment() {
    }

    SocialReportComment(Long reportId, Long authorUserId, String authorName, String content, Instant createdAt) {
        this.reportId = reportId;
        this.authorUserId = authorUserId;
        this.authorName = authorName;
        this.content = content;
        this.createdAt = createdAt;
    }

    Long getReportId() {
        return reportId;
    }

    Long getAuthorUserId() {
        return authorUserId;
    }

    String getAuthorName() {
        return authorName;
    }

    String getContent() {
        return content;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
