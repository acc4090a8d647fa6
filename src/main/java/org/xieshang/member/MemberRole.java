package org.xieshang.member;

/** A member's position in the committee: chair, vice-chair, secretary-general, standing committee, member. */
public enum MemberRole {
    CHAIR, VICE_CHAIR, SECRETARY_GENERAL, STANDING_COMMITTEE, MEMBER;

    /** CPPCC leaders and standing committee members liaise with members (DESIGN §3). */
    public boolean isLiaison() {
        return this != MEMBER;
    }
}
