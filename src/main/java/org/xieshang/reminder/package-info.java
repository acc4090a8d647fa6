/**
 * Reminders (催办): deadline reminders of proposal cases to the handling units before the due date,
 * on the due day and while overdue (escalated to the lead unit's heads and the proposal office,
 * and to the supervisors of key proposals; co-units only for their missing opinion), proposer-contact
 * and B-reply follow-up reminders to the lead unit, and rating reminders to proposers; planned as
 * db-scheduler tasks, each sent once ({@code sent_reminder}). Reads the cases through
 * {@link org.xieshang.proposal.ProposalDeadlines} (and the heads' accounts through {@code identity}) and
 * plans on the events {@code ProposalDueDateSet}, {@code ProposalAccepted} and {@code ProposalReplied}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "calendar", "committee",
        "identity", "notification", "proposal" })
package org.xieshang.reminder;
