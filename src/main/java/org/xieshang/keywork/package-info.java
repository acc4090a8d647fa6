/**
 * Key proposals (重点提案, DESIGN §6): the chair's meeting's decisions, lead-handling leaders (领办)
 * and supervisors (督办), supervision events and their files. Builds on the case through
 * {@link org.xieshang.proposal.ProposalCases}; the proposal module never depends on it.
 * API: {@link org.xieshang.keywork.DemoKeyWork}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "proposal", "bulletin", "committee", "identity", "notification" })
package org.xieshang.keywork;
