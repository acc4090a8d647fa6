package org.xieshang.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    private static final MonthDay OCTOBER_FIRST = MonthDay.of(10, 1);
    private static final Predicate<LocalDate> EVERY_DAY = d -> true;
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private static Optional<YearMonth> due(String today, Set<YearMonth> sent, Predicate<LocalDate> working) {
        return ReminderSchedule.due(LocalDate.parse(today), 2026, OCTOBER_FIRST, sent, working);
    }

    @Test
    void nothingBeforeTheStartDayNorOutsideThePlanYear() {
        assertThat(due("2026-09-30", Set.of(), EVERY_DAY)).isEmpty();
        assertThat(due("2026-01-15", Set.of(), EVERY_DAY)).isEmpty();
        assertThat(due("2027-01-01", Set.of(), EVERY_DAY)).isEmpty();
        assertThat(due("2025-12-01", Set.of(), EVERY_DAY)).isEmpty();
    }

    @Test
    void fromTheStartDayThenMonthlyOnceEach() {
        assertThat(due("2026-10-01", Set.of(), EVERY_DAY)).contains(YearMonth.of(2026, 10));
        Set<YearMonth> sent = Set.of(YearMonth.of(2026, 10));
        assertThat(due("2026-10-01", sent, EVERY_DAY)).isEmpty();
        assertThat(due("2026-10-31", sent, EVERY_DAY)).isEmpty();
        assertThat(due("2026-11-01", sent, EVERY_DAY)).contains(YearMonth.of(2026, 11));
        assertThat(due("2026-12-01", Set.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11)), EVERY_DAY))
                .contains(YearMonth.of(2026, 12));
    }

    @Test
    void aMissedDayIsMadeUpLaterInTheMonthButNotInTheNext() {
        // the job did not run on 1 October: it sends on the 5th
        assertThat(due("2026-10-05", Set.of(), EVERY_DAY)).contains(YearMonth.of(2026, 10));
        // October never sent: November sends November's only
        assertThat(due("2026-11-02", Set.of(), EVERY_DAY)).contains(YearMonth.of(2026, 11));
    }

    @Test
    void waitsForAWorkingDay() {
        // 2026-11-01 is a Sunday: November's reminder goes out on Monday the 2nd
        assertThat(due("2026-11-01", Set.of(YearMonth.of(2026, 10)), WEEKDAYS)).isEmpty();
        assertThat(due("2026-11-02", Set.of(YearMonth.of(2026, 10)), WEEKDAYS)).contains(YearMonth.of(2026, 11));
        // the National Day holiday: no reminder until the first working day after it
        Predicate<LocalDate> holiday = d -> WEEKDAYS.test(d) && (d.isBefore(LocalDate.of(2026, 10, 1)) || d.isAfter(LocalDate.of(2026, 10, 7)));
        assertThat(due("2026-10-01", Set.of(), holiday)).isEmpty();
        assertThat(due("2026-10-08", Set.of(), holiday)).contains(YearMonth.of(2026, 10));
    }

    @Test
    void aLateStartDayIsClampedToShortMonths() {
        MonthDay start = MonthDay.of(10, 31);
        assertThat(ReminderSchedule.due(LocalDate.of(2026, 10, 30), 2026, start, Set.of(), EVERY_DAY)).isEmpty();
        assertThat(ReminderSchedule.due(LocalDate.of(2026, 10, 31), 2026, start, Set.of(), EVERY_DAY)).isPresent();
        assertThat(ReminderSchedule.due(LocalDate.of(2026, 11, 29), 2026, start, Set.of(), EVERY_DAY)).isEmpty();
        assertThat(ReminderSchedule.due(LocalDate.of(2026, 11, 30), 2026, start, Set.of(), EVERY_DAY)).isPresent();
    }

    @Test
    void aYearOfDailyRunsSendsOncePerMonthFromTheStart() {
        Set<YearMonth> sent = new HashSet<>();
        List<LocalDate> sendingDays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            for (int run = 0; run < 2; run++) {
                // a second run the same day (a restart) finds the month already sent
                Optional<YearMonth> month = ReminderSchedule.due(d, 2026, OCTOBER_FIRST, sent, WEEKDAYS);
                if (month.isPresent()) {
                    sent.add(month.get());
                    sendingDays.add(d);
                }
            }
        }
        assertThat(sendingDays).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 1));
    }
}
