/**
 * The proposal case (DESIGN §6): submission, review, merge, assignment, handling, replies, ratings, settings, attachments and deadlines. API: {@link org.xieshang.proposal.ProposalStatus}, {@link org.xieshang.proposal.ProposalEvents}, {@link org.xieshang.proposal.DemoProposals}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "bulletin", "calendar", "committee", "document", "identity", "liaison", "member", "notification", "search" })
package org.xieshang.proposal;
