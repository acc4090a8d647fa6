package org.xieshang.activity;

/** An invited member's attendance: INVITED until a check-in, an approved leave or the close of attendance. */
public enum AttendanceStatus {
    INVITED, PRESENT, ON_LEAVE, ABSENT
}
