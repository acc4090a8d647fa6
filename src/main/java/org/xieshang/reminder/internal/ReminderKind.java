package org.xieshang.reminder.internal;

/** The reminders of a case: before the due date, on the due day, overdue (催办), and to rate a reply. */
enum ReminderKind { BEFORE_DUE, DUE_DAY, OVERDUE, RATING }
