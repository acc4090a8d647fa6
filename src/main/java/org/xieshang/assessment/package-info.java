/**
 * Member assessment (履职档案 / 动态测评, DESIGN §4, issue 12): each member's duty record, derived
 * idempotently from the other modules' events (attendance, speeches, proposals, social-conditions
 * reports, liaison contacts) plus the office's manual entries; points rules per committee and year;
 * assessment runs kept as computed; and what follows — warnings, persuasion to resign,
 * admonishment talks and resignations. Public API: {@link org.xieshang.assessment.Grade},
 * {@link org.xieshang.assessment.DutyKind}, {@link org.xieshang.assessment.AssessmentFigures}
 * (term figures for statistics) and {@link org.xieshang.assessment.DemoAssessment}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "committee", "document",
        "member", "activity", "socialreport", "proposal", "liaison" })
package org.xieshang.assessment;
