package org.xieshang.proposal.internal;

/** A proposer's satisfaction with attitude or result. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
