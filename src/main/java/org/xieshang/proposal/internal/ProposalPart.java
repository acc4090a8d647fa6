package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * One unit's part of a split case (分办, issue 15 point 2): the unit replies for its part, its head
 * signs, staff review and the proposers rate it on its own. A part runs IN_PROGRESS → REPLY_REVIEW →
 * REPLIED → CLOSED, or REPLIED → REHANDLING once; the case stands where its least advanced part is.
 */
@Entity
public class ProposalPart extends CommitteeScopedEntity {

    /** The states a part may be in. */
    public static final Set<ProposalStatus> STATES = EnumSet.of(ProposalStatus.IN_PROGRESS, ProposalStatus.REPLY_REVIEW,
            ProposalStatus.REPLIED, ProposalStatus.REHANDLING, ProposalStatus.CLOSED);

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long unitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ProposalStatus status = ProposalStatus.IN_PROGRESS;
    @Column(length = 10)
    private String replyCategory;
    @Column(length = 20000)
    private String replyContent;
    private boolean replySignedOff;
    @Column(length = 4000)
    private String signoffReturnReason;
    @Column(length = 10)
    private String approvedReplyCategory;
    @Column(length = 20000)
    private String approvedReplyContent;
    private LocalDate repliedOn;
    private int replyRound;
    private boolean rehandled;
    private LocalDate closedOn;

    protected ProposalPart() {
    }

    public ProposalPart(Long proposalId, Long unitId) {
        this.proposalId = proposalId;
        this.unitId = unitId;
    }

    /** The unit's reply of its part, to sign-off (or straight to review when signed already). */
    public void reply(String category, String content, boolean signed) {
        require(EnumSet.of(ProposalStatus.IN_PROGRESS, ProposalStatus.REHANDLING));
        this.replyCategory = category;
        this.replyContent = content;
        this.replySignedOff = signed;
        this.signoffReturnReason = null;
        this.status = ProposalStatus.REPLY_REVIEW;
    }

    /** The unit head signs the part's reply, or returns it to the handler. */
    public void signOff(boolean approve, String reason) {
        require(EnumSet.of(ProposalStatus.REPLY_REVIEW));
        if (replySignedOff) {
            throw new IllegalStateException("signed already");
        }
        this.replySignedOff = approve;
        this.signoffReturnReason = approve ? null : reason;
        if (!approve) {
            status = rehandled ? ProposalStatus.REHANDLING : ProposalStatus.IN_PROGRESS;
        }
    }

    /** Staff approve the signed reply (a new round the proposers rate) or send it back. */
    public void review(boolean approve, String category, LocalDate on) {
        require(EnumSet.of(ProposalStatus.REPLY_REVIEW));
        if (!replySignedOff) {
            throw new IllegalStateException("not signed");
        }
        if (!approve) {
            status = rehandled ? ProposalStatus.REHANDLING : ProposalStatus.IN_PROGRESS;
            return;
        }
        this.replyCategory = category;
        this.approvedReplyCategory = category;
        this.approvedReplyContent = replyContent;
        this.repliedOn = on;
        this.replyRound++;
        this.status = ProposalStatus.REPLIED;
    }

    /** The lead proposer's rating: an unsatisfied result the first time sends the part back, anything else closes it. */
    public void rated(boolean unsatisfied, LocalDate on) {
        require(EnumSet.of(ProposalStatus.REPLIED));
        if (unsatisfied && !rehandled) {
            rehandled = true;
            status = ProposalStatus.REHANDLING;
        } else {
            closedOn = on;
            status = ProposalStatus.CLOSED;
        }
    }

    private void require(Set<ProposalStatus> from) {
        if (!from.contains(status)) {
            throw new IllegalStateException(status.name());
        }
    }

    /**
     * Where a split case stands: at its least advanced part (in progress or rehandling, then under
     * review, then replied), closed only when every part is closed.
     */
    public static ProposalStatus caseStatus(Collection<ProposalPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a split case has parts");
        }
        int least = parts.stream().mapToInt(p -> rank(p.status)).min().orElseThrow();
        return switch (least) {
            case 0 -> parts.stream().anyMatch(p -> p.status == ProposalStatus.REHANDLING)
                    ? ProposalStatus.REHANDLING : ProposalStatus.IN_PROGRESS;
            case 1 -> ProposalStatus.REPLY_REVIEW;
            case 2 -> ProposalStatus.REPLIED;
            default -> ProposalStatus.CLOSED;
        };
    }

    private static int rank(ProposalStatus s) {
        return switch (s) {
            case IN_PROGRESS, REHANDLING -> 0;
            case REPLY_REVIEW -> 1;
            case REPLIED -> 2;
            default -> 3;
        };
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getReplyCategory() {
        return replyCategory;
    }

    public String getReplyContent() {
        return replyContent;
    }

    public boolean isReplySignedOff() {
        return replySignedOff;
    }

    public String getSignoffReturnReason() {
        return signoffReturnReason;
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

    public boolean isRehandled() {
        return rehandled;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}
