package org.xieshang.reminder.internal;

/**
 * The reminders of a case: before the due date, on the due day, overdue (催办), to rate a reply,
 * to the lead unit that has not met the proposer in time (CONTACT), and to the lead unit of a B
 * reply until it reports the matter done (IMPLEMENTATION).
 */
enum ReminderKind { BEFORE_DUE, DUE_DAY, OVERDUE, RATING, CONTACT, IMPLEMENTATION }
