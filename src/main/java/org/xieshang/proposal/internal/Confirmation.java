package org.xieshang.proposal.internal;

/** A co-signer's answer to a joint proposal. */
public enum Confirmation {
    PENDING, ACCEPTED, DECLINED
}
