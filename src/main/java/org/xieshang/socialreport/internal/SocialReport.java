package org.xieshang.socialreport.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.xieshang.search.SearchAnalyzers;
import org.xieshang.search.TextSimilarity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * A social-conditions report (社情民意信息). The member's original title and text are never
 * changed; the office's edit is kept beside them and is what leaders read. Every change goes
 * through this row, so its version makes concurrent decisions conflict (one wins, the other 409).
 */
@Entity
@Indexed(index = "social_report")
class SocialReport extends CommitteeScopedEntity {

    @GenericField
    @Column(nullable = false)
    private Long authorMemberId;
    @GenericField
    private Long authorSectorId;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    @Column(nullable = false, length = 200)
    private String title;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    @Column(nullable = false, length = 20000)
    private String content;
    @KeywordField
    @Column(length = 60)
    private String category;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    @Column(length = 200)
    private String editedTitle;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    @Column(length = 20000)
    private String editedContent;
    private Instant editedAt;
    @Column(length = 100)
    private String editedBy;
    @KeywordField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status = ReportStatus.SUBMITTED;
    @KeywordField
    @Enumerated(EnumType.STRING)
    @Column(name = "adoption_level", length = 20)
    private AdoptionLevel level;
    @Column(length = 2000)
    private String refusalReason;
    private Instant decidedAt;
    @Column(length = 100)
    private String decidedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportOrigin origin;
    private Long originProposalId;
    @GenericField
    @Column(nullable = false)
    private LocalDate submittedOn;
    @GenericField(sortable = Sortable.YES)
    @Column(nullable = false)
    private Instant submittedAt;
    @Column(nullable = false, length = 100)
    private String submittedBy;

    protected SocialReport() {
    }

    SocialReport(Long authorMemberId, Long authorSectorId, String title, String content, String category,
                 ReportOrigin origin, Long originProposalId, LocalDate submittedOn, Instant submittedAt, String submittedBy) {
        this.authorMemberId = authorMemberId;
        this.authorSectorId = authorSectorId;
        this.title = title;
        this.content = content;
        this.category = category;
        this.origin = origin;
        this.originProposalId = originProposalId;
        this.submittedOn = submittedOn;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
    }

    /** The words of all its texts (smartcn), space-separated: the query's words match them anywhere. */
    @FullTextField(name = "words", analyzer = SearchAnalyzers.IDS)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "title")),
            @ObjectPath(@PropertyValue(propertyName = "content")),
            @ObjectPath(@PropertyValue(propertyName = "editedTitle")),
            @ObjectPath(@PropertyValue(propertyName = "editedContent"))})
    String getWords() {
        return String.join(" ", TextSimilarity.words(title + "\n" + content + "\n"
                + (editedTitle == null ? "" : editedTitle) + "\n" + (editedContent == null ? "" : editedContent)));
    }

    void edit(String newTitle, String newContent, String category, Instant at, String by) {
        this.editedTitle = newTitle;
        this.editedContent = newContent;
        if (category != null) {
            this.category = category;
        }
        this.editedAt = at;
        this.editedBy = by;
    }

    void adopt(AdoptionLevel level, Instant at, String by) {
        this.status = ReportStatus.ADOPTED;
        this.level = level;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    /** The adoption is taken back: the report is undecided again, as if never adopted. */
    void withdrawAdoption() {
        this.status = ReportStatus.SUBMITTED;
        this.level = null;
        this.decidedAt = null;
        this.decidedBy = null;
    }

    void refuse(String reason, Instant at, String by) {
        this.status = ReportStatus.NOT_ADOPTED;
        this.refusalReason = reason;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    /** The title as leaders read it: the office's edit when there is one. */
    String currentTitle() {
        return editedTitle != null ? editedTitle : title;
    }

    String currentContent() {
        return editedContent != null ? editedContent : content;
    }

    boolean edited() {
        return editedAt != null;
    }

    Long getAuthorMemberId() {
        return authorMemberId;
    }

    Long getAuthorSectorId() {
        return authorSectorId;
    }

    String getTitle() {
        return title;
    }

    String getContent() {
        return content;
    }

    String getCategory() {
        return category;
    }

    String getEditedTitle() {
        return editedTitle;
    }

    String getEditedContent() {
        return editedContent;
    }

    Instant getEditedAt() {
        return editedAt;
    }

    String getEditedBy() {
        return editedBy;
    }

    ReportStatus getStatus() {
        return status;
    }

    AdoptionLevel getLevel() {
        return level;
    }

    String getRefusalReason() {
        return refusalReason;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    ReportOrigin getOrigin() {
        return origin;
    }

    Long getOriginProposalId() {
        return originProposalId;
    }

    LocalDate getSubmittedOn() {
        return submittedOn;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    String getSubmittedBy() {
        return submittedBy;
    }
}
