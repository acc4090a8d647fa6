package org.xieshang.socialreport.internal;

/** How a report came in: written by its member, or a not-filed proposal converted by the office. */
public enum ReportOrigin {
    MEMBER, PROPOSAL
}
