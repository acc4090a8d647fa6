/**
 * Democratic evaluation of units (民主评议) and the township and street assessment (DESIGN §5, issue 13):
 * the standing committee's yearly choice of district units (不偏、不漏、不重复), evaluation groups led by a
 * vice-chair, anonymous weighted ballots (members signed in, service recipients with one-time codes),
 * results with the annual top-ten mark, publication with a bulletin to leaders and a .docx announcement;
 * and the yearly checklist of each township's support for the committee's work, scaled to the year's
 * weight. Public API: {@link org.xieshang.evaluation.DemoEvaluation}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "activity", "audit", "bulletin", "committee", "document", "identity", "member", "proposal" })
package org.xieshang.evaluation;
