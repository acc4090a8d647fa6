package org.xieshang.proposal;

/** The states of a proposal (DESIGN §6). */
public enum ProposalStatus {
    DRAFT, AWAITING_COSIGNERS, SUBMITTED, WITHDRAWN, FILED, NOT_FILED, MERGED, ASSIGNED, IN_PROGRESS,
    REPLY_REVIEW, REPLIED, REHANDLING, CLOSED
}
