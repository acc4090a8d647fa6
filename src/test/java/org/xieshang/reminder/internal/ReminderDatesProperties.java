package org.xieshang.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xieshang.calendar.DayKind;
import org.xieshang.calendar.WorkingDays;
import org.xieshang.reminder.internal.ReminderDates.Planned;

/** The reminder plan over any calendar of holidays and make-up days, checked against the calendar's own arithmetic. */
class ReminderDatesProperties {

    private static final LocalDate EPOCH = LocalDate.of(2016, 1, 1);

    @Property
    void everyReminderFallsOnAWorkingDayAfterTheDayOfPlanning(@ForAll("dates") LocalDate due, @ForAll @IntRange(min = -30, max = 200) int lead,
                                                             @ForAll("beforeDays") List<Integer> before,
                                                             @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(due, offsets);
        LocalDate today = due.minusDays(lead);
        for (Planned p : ReminderDates.forDue(due, before, today, working(ex))) {
            assertThat(WorkingDays.isWorkingDay(p.date(), ex)).as(p.toString()).isTrue();
            assertThat(p.date()).as(p.toString()).isAfter(today);
        }
    }

    @Property
    void remindersComeInDateOrderBeforeTheDueDayThenOverdue(@ForAll("dates") LocalDate due, @ForAll @IntRange(min = -30, max = 200) int lead,
                                                          @ForAll("beforeDays") List<Integer> before,
                                                          @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(due, offsets);
        List<Planned> plan = ReminderDates.forDue(due, before, due.minusDays(lead), working(ex));
        for (int i = 1; i < plan.size(); i++) {
            Planned a = plan.get(i - 1);
            Planned b = plan.get(i);
            assertThat(a.date()).as(plan.toString()).isBefore(b.date());
            assertThat(a.kind().ordinal()).as(plan.toString()).isLessThanOrEqualTo(b.kind().ordinal());
            if (a.kind() == ReminderKind.BEFORE_DUE && b.kind() == ReminderKind.BEFORE_DUE) {
                // more working days before comes first
                assertThat(a.occurrence()).isGreaterThan(b.occurrence());
            }
        }
        assertThat(plan).extracting(Planned::kind).doesNotContain(ReminderKind.RATING);
    }

    @Property
    void eachBeforeReminderIsItsWorkingDaysBeforeTheDueDate(@ForAll("dates") LocalDate due, @ForAll @IntRange(min = -30, max = 200) int lead,
                                                           @ForAll("beforeDays") List<Integer> before,
                                                           @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(due, offsets);
        for (Planned p : ReminderDates.forDue(due, before, due.minusDays(lead), working(ex))) {
            if (p.kind() == ReminderKind.BEFORE_DUE) {
                assertThat(p.date()).isBefore(due);
                // exactly N - 1 working days lie strictly between the reminder and the due date
                int between = WorkingDays.between(p.date(), due, ex) - (WorkingDays.isWorkingDay(due, ex) ? 1 : 0);
                assertThat(between).as(p.toString()).isEqualTo(p.occurrence() - 1);
                assertThat(before).contains(p.occurrence());
            }
        }
    }

    @Property
    void theDueDayReminderIsTheLastWorkingDayOnOrBeforeTheDueDate(@ForAll("dates") LocalDate due,
                                                                  @ForAll("beforeDays") List<Integer> before,
                                                                  @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(due, offsets);
        // planned well ahead: the whole plan is there
        List<Planned> plan = ReminderDates.forDue(due, before, due.minusDays(400), working(ex));
        Planned dueDay = plan.stream().filter(p -> p.kind() == ReminderKind.DUE_DAY).findFirst().orElseThrow();
        assertThat(dueDay.date()).isBeforeOrEqualTo(due);
        assertThat(WorkingDays.between(dueDay.date(), due, ex)).isZero();
        Planned overdue = plan.stream().filter(p -> p.kind() == ReminderKind.OVERDUE).findFirst().orElseThrow();
        assertThat(overdue.occurrence()).isEqualTo(1);
        assertThat(overdue.date()).isAfter(due);
        assertThat(WorkingDays.between(due, overdue.date(), ex)).isEqualTo(1);
        // every distinct N has its reminder, except N = 1 when the due date is a day off (it is the due-day reminder then)
        long expectedBefore = before.stream().distinct()
                .filter(n -> !(n == 1 && !WorkingDays.isWorkingDay(due, ex))).count();
        assertThat(plan).hasSize((int) expectedBefore + 2);
    }

    @Property
    void anOverdueCaseIsChasedOnTheNextWorkingDayAfterToday(@ForAll("dates") LocalDate due, @ForAll @IntRange(min = 1, max = 100) int late,
                                                           @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(due, offsets);
        LocalDate today = due.plusDays(late);
        List<Planned> plan = ReminderDates.forDue(due, List.of(10, 3), today, working(ex));
        assertThat(plan).extracting(Planned::kind).containsExactly(ReminderKind.OVERDUE);
        assertThat(WorkingDays.between(today, plan.get(0).date(), ex)).isEqualTo(1);
    }

    @Property
    void overdueRemindersFollowEveryMWorkingDays(@ForAll("dates") LocalDate previous, @ForAll @IntRange(min = -20, max = 20) int shift,
                                                 @ForAll @IntRange(min = 1, max = 30) int every,
                                                 @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(previous, offsets);
        LocalDate today = previous.plusDays(shift);
        LocalDate next = ReminderDates.nextOverdue(previous, every, today, working(ex));
        LocalDate from = previous.isBefore(today) ? today : previous;
        assertThat(WorkingDays.isWorkingDay(next, ex)).isTrue();
        assertThat(next).isAfter(from);
        assertThat(WorkingDays.between(from, next, ex)).isEqualTo(every);
    }

    @Property
    void theRatingReminderIsKWorkingDaysAfterTheReply(@ForAll("dates") LocalDate replied, @ForAll @IntRange(min = 1, max = 30) int k,
                                                      @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(replied, offsets);
        LocalDate r = ReminderDates.rating(replied, k, working(ex));
        assertThat(WorkingDays.isWorkingDay(r, ex)).isTrue();
        assertThat(WorkingDays.between(replied, r, ex)).isEqualTo(k);
    }

    /** National Day 2026: 25–27 Sep and 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked. */
    @Example
    void aroundNationalDay2026() {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            ex.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        for (int d = 25; d <= 27; d++) {
            ex.put(LocalDate.of(2026, 9, d), DayKind.HOLIDAY);
        }
        ex.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
        ex.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        LocalDate today = LocalDate.of(2026, 9, 1);

        assertThat(ReminderDates.forDue(LocalDate.of(2026, 10, 9), List.of(10, 3), today, working(ex))).containsExactly(
                new Planned(ReminderKind.BEFORE_DUE, 10, LocalDate.of(2026, 9, 18)),
                new Planned(ReminderKind.BEFORE_DUE, 3, LocalDate.of(2026, 9, 29)),
                new Planned(ReminderKind.DUE_DAY, 0, LocalDate.of(2026, 10, 9)),
                // the make-up Saturday is a working day: the chase starts there
                new Planned(ReminderKind.OVERDUE, 1, LocalDate.of(2026, 10, 10)));
        assertThat(ReminderDates.nextOverdue(LocalDate.of(2026, 10, 10), 5, LocalDate.of(2026, 10, 10), working(ex)))
                .isEqualTo(LocalDate.of(2026, 10, 16));

        // a due date in the holiday: the due-day reminder on the last working day before it
        assertThat(ReminderDates.forDue(LocalDate.of(2026, 10, 5), List.of(3), today, working(ex))).containsExactly(
                new Planned(ReminderKind.BEFORE_DUE, 3, LocalDate.of(2026, 9, 28)),
                new Planned(ReminderKind.DUE_DAY, 0, LocalDate.of(2026, 9, 30)),
                new Planned(ReminderKind.OVERDUE, 1, LocalDate.of(2026, 10, 8)));

        // planned late: what has passed is left out
        assertThat(ReminderDates.forDue(LocalDate.of(2026, 10, 9), List.of(10, 3), LocalDate.of(2026, 9, 29), working(ex)))
                .extracting(Planned::kind).containsExactly(ReminderKind.DUE_DAY, ReminderKind.OVERDUE);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 20 * 366).map(EPOCH::plusDays);
    }

    @Provide
    Arbitrary<List<Integer>> beforeDays() {
        return Arbitraries.integers().between(1, 30).list().ofMaxSize(4);
    }

    /** Exceptions at offsets around the due date, dense enough to matter. */
    @Provide
    Arbitrary<Map<Integer, DayKind>> exceptions() {
        return Arbitraries.maps(Arbitraries.integers().between(-80, 60), Arbitraries.of(DayKind.class)).ofMaxSize(40);
    }

    private static Map<LocalDate, DayKind> around(LocalDate d, Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        offsets.forEach((offset, kind) -> ex.put(d.plusDays(offset), kind));
        return ex;
    }

    private static Predicate<LocalDate> working(Map<LocalDate, DayKind> ex) {
        return d -> WorkingDays.isWorkingDay(d, ex);
    }
}
