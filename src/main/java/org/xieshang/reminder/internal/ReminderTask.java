package org.xieshang.reminder.internal;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The data of one scheduled reminder (db-scheduler task {@value ProposalReminderTasks#REMINDER}):
 * what it was planned for, so that the execution can tell whether the case still matches.
 *
 * @param dueDate the due date it was planned for; for a rating reminder the reply's approval date
 * @param date    the working day it goes out
 */
record ReminderTask(Long committeeId, Long proposalId, ReminderKind kind, int occurrence, LocalDate dueDate, LocalDate date)
        implements Serializable {

    /** The scheduler's instance id: one per case and reminder slot; an overdue chain reuses its id. */
    String instanceId() {
        return instanceId(proposalId, kind, occurrence);
    }

    static String instanceId(Long proposalId, ReminderKind kind, int occurrence) {
        return switch (kind) {
            case OVERDUE -> "p" + proposalId + "-OVERDUE";
            case IMPLEMENTATION -> "p" + proposalId + "-IMPLEMENTATION";
            default -> "p" + proposalId + "-" + kind.name() + "-" + occurrence;
        };
    }
}
