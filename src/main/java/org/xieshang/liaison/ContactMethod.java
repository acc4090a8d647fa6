package org.xieshang.liaison;

/** How a liaison met members: home visit (上门走访), symposium (座谈会), phone (电话联系), other. */
public enum ContactMethod {
    VISIT, SYMPOSIUM, PHONE, OTHER;

    /** A home visit or a call is with one member; a symposium or other contact may gather several. */
    public boolean singleMember() {
        return this == VISIT || this == PHONE;
    }
}
