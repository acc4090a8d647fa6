package org.xieshang.shared;

/** Roles of a user account (DESIGN §1). */
public enum Role {
    ADMIN, PROPOSAL_STAFF, LEADER_CPPCC, MEMBER, UNIT_HANDLER, UNIT_HEAD, LEADER_GOV
}
