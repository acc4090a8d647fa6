package org.xieshang.proposal.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Rating;

/**
 * What the API and pages show of a case (API.md "GET /api/v1/proposals/{id}", plus more). Public
 * because the precompiled page templates live in a package of their own.
 */
public final class ProposalViews {

    private ProposalViews() {
    }

    /** A proposer; phone and e-mail only for the units handling the case (null for everyone else). */
    public record ProposerView(Long memberId, String name, String role, String confirmation, Long mergedFromId,
                               String phone, String email) {
    }

    public record HistoryView(Instant at, String actor, String action, ProposalStatus fromStatus, ProposalStatus toStatus,
                       String note) {
    }

    public record Satisfaction(Rating attitude, Rating result) {
    }

    /** A co-unit; onPaper: its opinion came on paper and the office entered it; remindedAt: the lead unit's last reminder. */
    public record CoUnitView(Long unitId, String name, String opinion, Instant opinionAt, boolean onPaper,
                             Instant remindedAt) {
    }

    public record RecordView(Long id, Long unitId, HandlingType type, LocalDate date, String content, int round, String author) {
    }

    /** {@code unitId}: the unit whose reply was rated (its own part in split handling, else the lead unit). */
    public record EvaluationView(Long memberId, String name, int round, Rating attitude, Rating result, String comment,
                          Instant at, Long unitId) {
    }

    /**
     * One unit's part of a split case (issue 15 point 2): its state, its reply (the working one for
     * staff and the part's unit, else the approved one) and the lead proposer's latest rating of it.
     */
    public record PartView(Long unitId, String unitName, ProposalStatus status, String replyCategory, String reply,
                           boolean replySignedOff, LocalDate repliedOn, int replyRound, Satisfaction rating) {
    }

    public record ReassignmentView(Long unitId, String reason, Instant requestedAt, Instant resolvedAt) {
    }

    public record AttachmentView(Long id, String filename, String contentType, long size) {
    }

    public record ProposalDetail(Long id, String number, String title, String background, String suggestions, String category,
                          ProposalStatus status, String proposerKind, String collectiveName, Long sessionId,
                          boolean duringPlenary, List<ProposerView> proposers, String handlingMode, Long leadUnitId,
                          String leadUnitName, List<Long> coUnitIds, List<CoUnitView> coUnits, LocalDate assignedOn,
                          LocalDate acceptedOn, LocalDate contactDueDate, boolean contactOverdue,
                          LocalDate dueDate, boolean key, boolean published, boolean confidential, String replyCategory,
                          String replyContent, LocalDate repliedOn, int replyRound, boolean rehandled,
                          LocalDate implementedOn, String implementationNote, Satisfaction satisfaction,
                          String notFiledGround, String decisionReason, Long mergedIntoId, LocalDate submittedOn,
                          LocalDate closedOn, List<RecordView> handlingRecords, List<EvaluationView> evaluations,
                          List<ReassignmentView> reassignmentRequests, List<AttachmentView> attachments,
                          String conversion, List<HistoryView> history, List<Long> unitsWithoutAccount,
                          long version, boolean replySignedOff, String signoffReturnReason,
                          List<PartView> parts) {

        /** A reply written and waiting for the unit head's signature (issue 15 point 1). */
        public boolean awaitingSignoff() {
            return status == ProposalStatus.REPLY_REVIEW && !replySignedOff;
        }
    }

    public record ProposalSummary(Long id, String number, String title, String category, ProposalStatus status,
                           String leadProposer, Long leadUnitId, LocalDate dueDate, boolean key, LocalDate submittedOn,
                           Instant createdAt, String snippet) {
    }
}
