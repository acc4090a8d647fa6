package org.xieshang.proposal.internal;

import org.xieshang.shared.CurrentUser;

/**
 * Who reads which reply — the one rule behind the detail, the timeline, lists, search and its snippets (issue 14,
 * finding 2). A unit's reply is its and the office's business until staff approve it: the working reply (drafted,
 * under review, sent back, or the new round of a rehandled case) is seen by the office (ADMIN, PROPOSAL_STAFF) and
 * the lead unit's users only. Everyone else who sees the case reads the reply as last approved — nothing before
 * the first approval, in every state. The class goes with the text: a draft's class is as secret as its words.
 */
public final class ReplyVisibility {

    private ReplyVisibility() {
    }

    /** Whether this user reads the unit's working reply of the case (else the approved one). */
    public static boolean seesWorkingReply(CurrentUser u, Long leadUnitId) {
        return ProposalScope.isStaff(u) || (u.unitId() != null && u.unitId().equals(leadUnitId)
                && u.hasAny(org.xieshang.shared.Role.UNIT_HANDLER, org.xieshang.shared.Role.UNIT_HEAD));
    }

    public static String category(CurrentUser u, Proposal p) {
        return seesWorkingReply(u, p.getLeadUnitId()) ? p.getReplyCategory() : p.getApprovedReplyCategory();
    }

    public static String content(CurrentUser u, Proposal p) {
        return seesWorkingReply(u, p.getLeadUnitId()) ? p.getReplyContent() : p.getApprovedReplyContent();
    }

    /** Whether the working reply differs from what others read, so that a timeline's REPLY note must be hidden. */
    public static boolean hidesWorkingReply(CurrentUser u, Proposal p) {
        return !seesWorkingReply(u, p.getLeadUnitId());
    }
}
