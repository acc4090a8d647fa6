package org.xieshang.calendar;

import java.time.LocalDate;

/** The current committee's working-day calendar: every deadline in working days uses it. */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate date);

    LocalDate addWorkingDays(LocalDate start, int days);

    int workingDaysBetween(LocalDate from, LocalDate to);

    /** Seeds the public holidays and make-up days of the years the system knows (on committee creation). */
    void seedDefaults();
}
