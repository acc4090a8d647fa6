package org.xieshang.proposal.internal;

/** What a unit's handling record is about. */
public enum HandlingType {
    PROPOSER_CONTACT, RESEARCH, MEETING, PROGRESS
}
