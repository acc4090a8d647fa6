/**
 * Reminders (催办): deadline reminders of proposal cases to the handling units before the due date,
 * on the due day and while overdue (escalated to the supervisors of key proposals), and rating
 * reminders to proposers; planned as db-scheduler tasks, each sent once ({@code sent_reminder}).
 * Reads the cases through {@link org.xieshang.proposal.ProposalDeadlines} and plans on the events
 * {@code ProposalDueDateSet} and {@code ProposalReplied}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "calendar", "committee",
        "notification", "proposal" })
package org.xieshang.reminder;
