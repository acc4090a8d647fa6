package org.xieshang.proposal.internal;

/** Who proposes: one member, members jointly (联名), or a sector, party group or special committee (集体). */
public enum ProposerKind {
    INDIVIDUAL, JOINT, COLLECTIVE
}
