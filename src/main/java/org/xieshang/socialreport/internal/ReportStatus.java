package org.xieshang.socialreport.internal;

/** Where a report stands: submitted (the office may edit it), adopted, or not adopted (refused). */
public enum ReportStatus {
    SUBMITTED, ADOPTED, NOT_ADOPTED
}
