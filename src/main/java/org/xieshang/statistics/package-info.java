/**
 * Statistics (统计): the proposal dashboards, their .xlsx exports and the yearly work report
 * (definitions in docs/decisions-stats.md). Reads the case figures through the proposal module's
 * {@link org.xieshang.proposal.ProposalFigures} (grouped counts computed inside proposal), never
 * through its tables (the counters behind them are the proposal module's read model,
 * docs/stats-read-model.md); owns no tables. The assessment's consequence figures come through
 * {@link org.xieshang.assessment.AssessmentFigures}; activity figures are to join the same way.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "calendar", "committee", "document",
        "member", "proposal", "assessment", "audit" })
package org.xieshang.statistics;
