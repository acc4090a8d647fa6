package org.xieshang.liaison.internal;

/** What a contact leaves to follow: a difficulty to help with, or a lead worth a proposal. */
public enum FollowUpKind {
    DIFFICULTY, PROPOSAL_LEAD
}
