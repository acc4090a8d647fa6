package org.xieshang.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working-day arithmetic over a week of Monday–Friday corrected by a committee's exceptions:
 * holidays are off even on weekdays, make-up days are worked even on weekends. Pure, so that it
 * can be checked by property tests.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date, Map<LocalDate, DayKind> exceptions) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code n} working days after {@code start} (before it when negative); the start
     * itself does not count. With n = 0: the start if it is a working day, else the next one.
     */
    public static LocalDate add(LocalDate start, int n, Map<LocalDate, DayKind> exceptions) {
        if (n == 0) {
            LocalDate d = start;
            while (!isWorkingDay(d, exceptions)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        int left = Math.abs(n);
        LocalDate d = start;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d, exceptions)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days in the half-open range (from, to]: how many working days after {@code from}
     * it takes to reach {@code to}. Negative when {@code to} is before {@code from}.
     */
    public static int between(LocalDate from, LocalDate to, Map<LocalDate, DayKind> exceptions) {
        if (to.isBefore(from)) {
            return -between(to, from, exceptions);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d, exceptions)) {
                count++;
            }
        }
        return count;
    }
}
