package org.xieshang.member;

public enum MemberStatus {
    ACTIVE, WARNED, RESIGNED, PERSUADED_TO_RESIGN, REMOVED;

    /** Still serving: counted in plans, assessments and lists of active members. */
    public boolean isServing() {
        return this == ACTIVE || this == WARNED;
    }
}
