package org.xieshang.assessment;

/**
 * The kinds of duty record entries (API.md, assessment rules). SPEECH and LIAISON_HELD (contacts
 * made as the liaison) are added to the contract's list; they earn points only when a rule names them.
 */
public enum DutyKind {
    ACTIVITY_PRESENT, ACTIVITY_ON_LEAVE, ACTIVITY_ABSENT, SPEECH, PROPOSAL_SUBMITTED, PROPOSAL_COSIGNED,
    PROPOSAL_FILED, PROPOSAL_KEY, SOCIAL_REPORT_SUBMITTED, SOCIAL_REPORT_ADOPTED, LIAISON_CONTACTED, LIAISON_HELD,
    MANUAL
}
