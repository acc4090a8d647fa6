package org.xieshang.proposal.internal;

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
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.search.SearchAnalyzers;
import org.xieshang.search.TextSimilarity;
import org.xieshang.shared.jpa.Columns;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.time.AppTime;

/**
 * A proposal (提案) and its case: text, state, handling units, reply. Proposers, co-units and
 * records are rows of their own; every change of the case also touches this row, so that its
 * version makes concurrent changes of one case conflict (one wins, the other gets 409).
 */
@Entity
@Indexed(index = "proposal")
public class Proposal extends CommitteeScopedEntity {

    @GenericField
    @Column(nullable = false)
    private Long sessionId;
    @KeywordField(projectable = Projectable.YES)
    @Column(length = 40)
    private String number;
    private Integer numberSeq;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @Column(nullable = false, length = 200)
    private String title;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @Column(nullable = false, length = 20000)
    private String background;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @Column(nullable = false, length = 20000)
    private String suggestions;
    @KeywordField
    @Column(nullable = false, length = 60)
    private String category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProposerKind proposerKind;
    @Column(length = 100)
    private String collectiveName;
    private boolean duringPlenary;
    @KeywordField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ProposalStatus status = ProposalStatus.DRAFT;
    private Long mergedIntoId;
    @Column(length = 100)
    private String notFiledGround;
    @Column(length = 2000)
    private String decisionReason;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private HandlingMode handlingMode;
    @GenericField
    private Long leadUnitId;
    private LocalDate assignedOn;
    /** When the lead unit took the case on (ASSIGNED → IN_PROGRESS); the proposer-contact deadline counts from it. */
    private LocalDate acceptedOn;
    private LocalDate dueDate;
    @Column(length = 10)
    private String replyCategory;
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @Column(length = 20000)
    private String replyContent;
    /** The reply as last approved by staff; the fields above hold the unit's latest draft. */
    private String approvedReplyCategory;
    /** Indexed apart from the working reply: whoever may not read a draft searches and sees snippets of this only. */
    @FullTextField(analyzer = SearchAnalyzers.CJK, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @jakarta.persistence.Column(length = 20000)
    private String approvedReplyContent;
    private LocalDate repliedOn;
    private int replyRound;
    /** Whether the unit head has signed the working reply (issue 15 point 1); staff review only a signed reply. */
    private boolean replySignedOff = true;
    /** Why the unit head sent the reply back to the handler; cleared by the next reply. */
    @Column(length = 4000)
    private String signoffReturnReason;
    private boolean rehandled;
    private LocalDate implementedOn;
    @Column(length = 4000)
    private String implementationNote;
    @GenericField
    @Column(name = "is_key", nullable = false)
    private boolean key;
    @GenericField
    private boolean published;
    /** Indexed too, so that the public search excludes confidential cases on its own (see PublicProposals). */
    @GenericField
    private boolean confidential;
    @GenericField(sortable = Sortable.YES)
    @Column(nullable = false)
    private Instant createdAt;
    @GenericField
    private LocalDate submittedOn;
    private LocalDate closedOn;
    @Column(nullable = false)
    private Instant updatedAt;
    /** Members who may see the case as proposers, space-separated: the search index applies the scope rule with it. */
    @FullTextField(analyzer = SearchAnalyzers.IDS)
    @Column(nullable = false, length = 2000)
    private String accessMembers = "";
    /** Lead and co-handling units, space-separated, for the same purpose. */
    @FullTextField(analyzer = SearchAnalyzers.IDS)
    @Column(nullable = false, length = 2000)
    private String accessUnits = "";
    /** Lead-handling leaders (user ids) of a key case, for the same purpose (key proposals: LEADER_GOV sees what it leads). */
    @FullTextField(analyzer = SearchAnalyzers.IDS)
    @Column(nullable = false, length = 2000)
    private String accessLeaders = "";

    protected Proposal() {
    }

    /** The columns {@link #read} takes (not the search index's access lists). */
    static final String COLUMNS = "id, committee_id, version, session_id, number, number_seq, title, background, suggestions,"
            + " category, proposer_kind, collective_name, during_plenary, status, merged_into_id, not_filed_ground,"
            + " decision_reason, handling_mode, lead_unit_id, assigned_on, accepted_on, due_date, reply_category,"
            + " reply_content, approved_reply_category, approved_reply_content, replied_on, reply_round, reply_signed_off,"
            + " signoff_return_reason, rehandled, implemented_on, implementation_note, is_key, published, confidential,"
            + " created_at, submitted_on, closed_on, updated_at";

    /**
     * A case row read by plain SQL ({@link CaseRows}, issue 16), not managed by a persistence context:
     * to read, never to change or save. The access lists stay empty.
     */
    static Proposal read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Proposal p = new Proposal();
        p.readAs(rs.getLong("id"), rs.getLong("committee_id"), rs.getLong("version"));
        p.sessionId = rs.getLong("session_id");
        p.number = rs.getString("number");
        int seq = rs.getInt("number_seq");
        p.numberSeq = rs.wasNull() ? null : seq;
        p.title = rs.getString("title");
        p.background = rs.getString("background");
        p.suggestions = rs.getString("suggestions");
        p.category = rs.getString("category");
        p.proposerKind = Columns.of(ProposerKind.class, rs, "proposer_kind");
        p.collectiveName = rs.getString("collective_name");
        p.duringPlenary = rs.getBoolean("during_plenary");
        p.status = Columns.of(ProposalStatus.class, rs, "status");
        p.mergedIntoId = Columns.id(rs, "merged_into_id");
        p.notFiledGround = rs.getString("not_filed_ground");
        p.decisionReason = rs.getString("decision_reason");
        p.handlingMode = Columns.of(HandlingMode.class, rs, "handling_mode");
        p.leadUnitId = Columns.id(rs, "lead_unit_id");
        p.assignedOn = Columns.date(rs, "assigned_on");
        p.acceptedOn = Columns.date(rs, "accepted_on");
        p.dueDate = Columns.date(rs, "due_date");
        p.replyCategory = rs.getString("reply_category");
        p.replyContent = rs.getString("reply_content");
        p.approvedReplyCategory = rs.getString("approved_reply_category");
        p.approvedReplyContent = rs.getString("approved_reply_content");
        p.repliedOn = Columns.date(rs, "replied_on");
        p.replyRound = rs.getInt("reply_round");
        p.replySignedOff = rs.getBoolean("reply_signed_off");
        p.signoffReturnReason = rs.getString("signoff_return_reason");
        p.rehandled = rs.getBoolean("rehandled");
        p.implementedOn = Columns.date(rs, "implemented_on");
        p.implementationNote = rs.getString("implementation_note");
        p.key = rs.getBoolean("is_key");
        p.published = rs.getBoolean("published");
        p.confidential = rs.getBoolean("confidential");
        p.createdAt = Columns.instant(rs, "created_at");
        p.submittedOn = Columns.date(rs, "submitted_on");
        p.closedOn = Columns.date(rs, "closed_on");
        p.updatedAt = Columns.instant(rs, "updated_at");
        return p;
    }

    public Proposal(Long sessionId, String title, String background, String suggestions, String category,
             ProposerKind kind, String collectiveName, boolean duringPlenary) {
        this.sessionId = sessionId;
        this.title = title;
        this.background = background;
        this.suggestions = suggestions;
        this.category = category;
        this.proposerKind = kind;
        this.collectiveName = collectiveName;
        this.duringPlenary = duringPlenary;
        this.createdAt = AppTime.now();
        this.updatedAt = createdAt;
    }

    /** Every change of the case passes here, so its version always moves. */
    void touch() {
        updatedAt = AppTime.now();
    }

    /** Keeps the denormalized access lists in step with proposers and co-units (see ProposalScope). */
    void access(java.util.Collection<Long> memberIds, java.util.Collection<Long> unitIds) {
        this.accessMembers = join(memberIds);
        this.accessUnits = join(unitIds);
    }

    /** Key proposals: the lead-handling leaders who may see the case (see ProposalScope). */
    void accessLeaders(java.util.Collection<Long> userIds) {
        this.accessLeaders = join(userIds);
    }

    private static String join(java.util.Collection<Long> ids) {
        return ids.stream().sorted().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * The subject's words (smartcn, boilerplate removed), segmented once when the case is
     * indexed: full-text search matches them, and similarity reads them back from the index
     * instead of segmenting every candidate again.
     */
    @FullTextField(name = "titleWords", analyzer = SearchAnalyzers.IDS, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "title")))
    String getTitleWords() {
        return String.join(" ", TextSimilarity.words(title));
    }

    /** The words of the analysis and the suggestions, likewise. */
    @FullTextField(name = "bodyWords", analyzer = SearchAnalyzers.IDS, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "background")),
            @ObjectPath(@PropertyValue(propertyName = "suggestions"))})
    String getBodyWords() {
        return String.join(" ", TextSimilarity.words(background + "\n" + suggestions));
    }

    void moveTo(ProposalStatus next) {
        this.status = next;
        touch();
    }

    public void edit(Long sessionId, String title, String background, String suggestions, String category, boolean duringPlenary) {
        this.sessionId = sessionId;
        this.title = title;
        this.background = background;
        this.suggestions = suggestions;
        this.category = category;
        this.duringPlenary = duringPlenary;
        touch();
    }

    public void changeKind(ProposerKind kind) {
        this.proposerKind = kind;
    }

    public void submitted(LocalDate on) {
        this.submittedOn = on;
    }

    public void file(int seq, String number, String reason) {
        this.numberSeq = seq;
        this.number = number;
        this.decisionReason = reason;
    }

    public void notFile(String ground, String reason) {
        this.notFiledGround = ground;
        this.decisionReason = reason;
    }

    public void mergeInto(Long targetId) {
        this.mergedIntoId = targetId;
    }

    public void assign(HandlingMode mode, Long leadUnitId, LocalDate on, LocalDate due) {
        this.handlingMode = mode;
        this.leadUnitId = leadUnitId;
        this.assignedOn = on;
        this.dueDate = due;
    }

    public void accepted(LocalDate on) {
        this.acceptedOn = on;
    }

    public void changeDueDate(LocalDate due) {
        this.dueDate = due;
        touch();
    }

    public void reply(String category, String content, boolean signedOff) {
        this.replyCategory = category;
        this.replyContent = content;
        this.replySignedOff = signedOff;
        this.signoffReturnReason = null;
    }

    /** The unit head signs the reply (on to staff review) or sends it back to the handler with a reason. */
    public void signOff(boolean approve, String reason) {
        this.replySignedOff = approve;
        this.signoffReturnReason = approve ? null : reason;
    }

    public void approveReply(String category, LocalDate on) {
        this.replyCategory = category;
        this.approvedReplyCategory = category;
        this.approvedReplyContent = replyContent;
        this.repliedOn = on;
        this.replyRound++;
    }

    /**
     * A split case sums up its parts (issue 15 point 2): the working and approved replies are the
     * parts' texts under their units' names; the classes are the lead unit's part's; it counts as
     * replied on the day its last part's reply was approved, once every part has one.
     */
    public void summarizeParts(String category, String content, boolean signedOff, String approvedCategory,
                               String approvedContent, LocalDate repliedOn, int round) {
        this.replyCategory = category;
        this.replyContent = content;
        this.replySignedOff = signedOff;
        this.approvedReplyCategory = approvedCategory;
        this.approvedReplyContent = approvedContent;
        this.repliedOn = repliedOn;
        this.replyRound = round;
    }

    public void rehandle(LocalDate due) {
        this.rehandled = true;
        this.dueDate = due;
    }

    public void close(LocalDate on) {
        this.closedOn = on;
    }

    public void implemented(LocalDate on, String note) {
        this.implementedOn = on;
        this.implementationNote = note;
        touch();
    }

    public void markKey(boolean key) {
        this.key = key;
        touch();
    }

    public void publish(boolean published, boolean confidential) {
        this.published = published && !confidential;
        this.confidential = confidential;
        touch();
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getNumber() {
        return number;
    }

    Integer getNumberSeq() {
        return numberSeq;
    }

    public String getTitle() {
        return title;
    }

    public String getBackground() {
        return background;
    }

    public String getSuggestions() {
        return suggestions;
    }

    public String getCategory() {
        return category;
    }

    public ProposerKind getProposerKind() {
        return proposerKind;
    }

    public String getCollectiveName() {
        return collectiveName;
    }

    public boolean isDuringPlenary() {
        return duringPlenary;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public String getNotFiledGround() {
        return notFiledGround;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public HandlingMode getHandlingMode() {
        return handlingMode;
    }

    public Long getLeadUnitId() {
        return leadUnitId;
    }

    public LocalDate getAssignedOn() {
        return assignedOn;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getReplyCategory() {
        return replyCategory;
    }

    String getReplyContent() {
        return replyContent;
    }

    public String getApprovedReplyCategory() {
        return approvedReplyCategory;
    }

    public String getApprovedReplyContent() {
        return approvedReplyContent;
    }

    public LocalDate getRepliedOn() {
        return repliedOn;
    }

    public int getReplyRound() {
        return replyRound;
    }

    public boolean isReplySignedOff() {
        return replySignedOff;
    }

    public String getSignoffReturnReason() {
        return signoffReturnReason;
    }

    public boolean isRehandled() {
        return rehandled;
    }

    public LocalDate getImplementedOn() {
        return implementedOn;
    }

    public String getImplementationNote() {
        return implementationNote;
    }

    public boolean isKey() {
        return key;
    }

    public boolean isPublished() {
        return published;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getSubmittedOn() {
        return submittedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}
