package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When liaisons behind their pairs are reminded (DESIGN §3, "reminders before year end"): from the
 * configured start day of the plan year (e.g. 1 October), then on the same day of each following
 * month up to December. Pure, so the daily job's decision can be tested on its own.
 */
public final class ReminderSchedule {

    private ReminderSchedule() {
    }

    /**
     * The month whose reminder is due today, if any: today is in the plan year, on or after the
     * month's reminder day (the start day, or the month's last day when shorter), a working day
     * (otherwise the reminder waits for the next one), and that month's reminder was not sent yet.
     * A month whose reminder was missed is not made up in the next month, which has its own.
     */
    public static Optional<YearMonth> due(LocalDate today, int planYear, MonthDay start, Set<YearMonth> sent,
                                          Predicate<LocalDate> workingDay) {
        if (today.getYear() != planYear) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(today);
        if (month.getMonthValue() < start.getMonthValue() || sent.contains(month)) {
            return Optional.empty();
        }
        int day = Math.min(start.getDayOfMonth(), month.lengthOfMonth());
        if (today.getDayOfMonth() < day || !workingDay.test(today)) {
            return Optional.empty();
        }
        return Optional.of(month);
    }
}
