package org.xieshang.reminder.internal;

import java.time.LocalDate;

/** Builds the module's package-private task data for tests in other packages (the migration test). */
public final class ReminderTestAccess {

    private ReminderTestAccess() {
    }

    public static Object overdueTask(Long committeeId, Long proposalId, LocalDate dueDate, LocalDate date) {
        return new ReminderTask(committeeId, proposalId, ReminderKind.OVERDUE, 2, dueDate, date);
    }
}
