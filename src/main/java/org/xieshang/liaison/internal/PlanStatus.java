package org.xieshang.liaison.internal;

/** A plan is generated as a draft, adjusted by hand, then confirmed (fixed for the year). */
public enum PlanStatus {
    DRAFT, CONFIRMED
}
