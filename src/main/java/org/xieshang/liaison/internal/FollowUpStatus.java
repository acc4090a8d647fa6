package org.xieshang.liaison.internal;

/** OPEN until a difficulty is RESOLVED or a lead is RAISED as a proposal draft. */
public enum FollowUpStatus {
    OPEN, RESOLVED, RAISED
}
