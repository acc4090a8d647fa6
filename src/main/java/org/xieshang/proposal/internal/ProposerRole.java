package org.xieshang.proposal.internal;

/** A proposer's part: the lead (first) proposer or a co-signer. */
public enum ProposerRole {
    LEAD, COSIGNER
}
