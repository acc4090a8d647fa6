package org.xieshang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of working-day arithmetic over any calendar of holidays and make-up days. */
class WorkingDaysProperties {

    private static final LocalDate EPOCH = LocalDate.of(2016, 1, 1);

    @Property
    void addLandsOnAWorkingDay(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = -400, max = 400) int n,
                               @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Assume.that(n != 0);
        Map<LocalDate, DayKind> ex = around(d, offsets);
        LocalDate r = WorkingDays.add(d, n, ex);
        assertThat(WorkingDays.isWorkingDay(r, ex)).isTrue();
        assertThat(n > 0 ? r.isAfter(d) : r.isBefore(d)).isTrue();
    }

    @Property
    void zeroDaysIsTheStartOrTheNextWorkingDay(@ForAll("dates") LocalDate d, @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(d, offsets);
        LocalDate r = WorkingDays.add(d, 0, ex);
        assertThat(WorkingDays.isWorkingDay(r, ex)).isTrue();
        assertThat(r).isAfterOrEqualTo(d);
        for (LocalDate x = d; x.isBefore(r); x = x.plusDays(1)) {
            assertThat(WorkingDays.isWorkingDay(x, ex)).isFalse();
        }
    }

    /**
     * between counts the working days in (d, x], so it inverts add for every n >= 1 and, for
     * n = 0, from a working day. (From a day off, add(d, 0) is the next working day, one working
     * day after d: between gives 1 there, see {@link #zeroDaysFromADayOffIsOneWorkingDayLater}.)
     */
    @Property
    void betweenInvertsAdd(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = 0, max = 400) int n,
                           @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(d, offsets);
        Assume.that(n > 0 || WorkingDays.isWorkingDay(d, ex));
        LocalDate r = WorkingDays.add(d, n, ex);
        assertThat(WorkingDays.between(d, r, ex)).isEqualTo(n);
        // and r is the first such day: one day earlier, one working day is still missing
        if (n > 0) {
            assertThat(WorkingDays.between(d, r.minusDays(1), ex)).isEqualTo(n - 1);
        }
        // counting backwards is the mirror image
        assertThat(WorkingDays.between(r, d, ex)).isEqualTo(-n);
    }

    @Property
    void backwardsFromAWorkingDay(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = 1, max = 400) int n,
                                  @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(d, offsets);
        Assume.that(WorkingDays.isWorkingDay(d, ex));
        LocalDate r = WorkingDays.add(d, -n, ex);
        assertThat(WorkingDays.between(d, r, ex)).isEqualTo(-n);
        assertThat(WorkingDays.add(r, n, ex)).isEqualTo(d);
    }

    @Property
    void zeroDaysFromADayOffIsOneWorkingDayLater(@ForAll("dates") LocalDate d, @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = around(d, offsets);
        Assume.that(!WorkingDays.isWorkingDay(d, ex));
        LocalDate r = WorkingDays.add(d, 0, ex);
        assertThat(r).isEqualTo(WorkingDays.add(d, 1, ex));
        assertThat(WorkingDays.between(d, r, ex)).isEqualTo(1);
    }

    @Property
    void addIsMonotonicInN(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = -300, max = 300) int a,
                           @ForAll @IntRange(min = -300, max = 300) int b, @ForAll("exceptions") Map<Integer, DayKind> offsets) {
        Assume.that(a < b);
        Map<LocalDate, DayKind> ex = around(d, offsets);
        LocalDate ra = WorkingDays.add(d, a, ex);
        LocalDate rb = WorkingDays.add(d, b, ex);
        assertThat(ra).isBeforeOrEqualTo(rb);
        // strictly, except add(d, 0) and add(d, 1) from a day off, which are the same day
        if (a != 0 || WorkingDays.isWorkingDay(d, ex)) {
            assertThat(ra).isBefore(rb);
        }
    }

    @Property
    void withoutExceptionsFiveWorkingDaysAfterAMondayIsTheNextMonday(@ForAll("dates") LocalDate any) {
        LocalDate monday = any.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(WorkingDays.add(monday, 5, Map.of())).isEqualTo(monday.plusWeeks(1));
        assertThat(WorkingDays.add(monday.plusWeeks(1), -5, Map.of())).isEqualTo(monday);
        assertThat(WorkingDays.between(monday, monday.plusWeeks(1), Map.of())).isEqualTo(5);
    }

    @Property
    void withoutExceptionsWeekendsAreOffAndWeekdaysOn(@ForAll("dates") LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        assertThat(WorkingDays.isWorkingDay(d, Map.of())).isEqualTo(!weekend);
        // a full week always holds five working days
        assertThat(WorkingDays.between(d, d.plusWeeks(1), Map.of())).isEqualTo(5);
    }

    /** A holiday on a weekday takes exactly that day out of every count that spans it. */
    @Property
    void aHolidayOnAWeekdayIsSkipped(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = 1, max = 60) int ahead,
                                     @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate h = d.plusDays(ahead);
        if (h.getDayOfWeek().getValue() > 5) {
            h = h.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        Map<LocalDate, DayKind> ex = Map.of(h, DayKind.HOLIDAY);
        assertThat(WorkingDays.isWorkingDay(h, ex)).isFalse();
        LocalDate plain = WorkingDays.add(d, n, Map.of());
        LocalDate r = WorkingDays.add(d, n, ex);
        assertThat(r).isNotEqualTo(h);
        assertThat(r).isEqualTo(plain.isBefore(h) ? plain : WorkingDays.add(d, n + 1, Map.of()));
        LocalDate x = d.plusDays(n);
        assertThat(WorkingDays.between(d, x, ex)).isEqualTo(WorkingDays.between(d, x, Map.of()) - (x.isBefore(h) ? 0 : 1));
    }

    /** A make-up working day on a Saturday adds exactly that day to every count that spans it. */
    @Property
    void aWorkdayOnASaturdayCounts(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = 1, max = 60) int ahead,
                                   @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate s = d.plusDays(ahead).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        Map<LocalDate, DayKind> ex = Map.of(s, DayKind.WORKDAY);
        assertThat(WorkingDays.isWorkingDay(s, ex)).isTrue();
        LocalDate before = WorkingDays.add(d, n - 1, Map.of());
        LocalDate plain = WorkingDays.add(d, n, Map.of());
        LocalDate r = WorkingDays.add(d, n, ex);
        if (plain.isBefore(s)) {
            assertThat(r).isEqualTo(plain);
        } else if (n == 1 || before.isBefore(s)) {
            // the n-th working day is the Saturday itself
            assertThat(r).isEqualTo(s);
        } else {
            assertThat(r).isEqualTo(before);
        }
        LocalDate x = d.plusDays(n);
        assertThat(WorkingDays.between(d, x, ex)).isEqualTo(WorkingDays.between(d, x, Map.of()) + (x.isBefore(s) ? 0 : 1));
    }

    @Example
    void aFridayBeforeAHolidayMondayIsFollowedByTuesday() {
        LocalDate friday = LocalDate.of(2026, 5, 29);
        Map<LocalDate, DayKind> ex = Map.of(LocalDate.of(2026, 6, 1), DayKind.HOLIDAY);
        assertThat(WorkingDays.add(friday, 1, ex)).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(WorkingDays.add(LocalDate.of(2026, 6, 2), -1, ex)).isEqualTo(friday);
    }

    @Example
    void aSaturdayWorkdayFollowsTheFriday() {
        LocalDate friday = LocalDate.of(2026, 5, 29);
        Map<LocalDate, DayKind> ex = Map.of(LocalDate.of(2026, 5, 30), DayKind.WORKDAY);
        assertThat(WorkingDays.add(friday, 1, ex)).isEqualTo(LocalDate.of(2026, 5, 30));
        assertThat(WorkingDays.add(friday, 2, ex)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(WorkingDays.between(friday, LocalDate.of(2026, 6, 1), ex)).isEqualTo(2);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 20 * 366).map(EPOCH::plusDays);
    }

    /** Exceptions at offsets around the start date, dense enough to matter. */
    @Provide
    Arbitrary<Map<Integer, DayKind>> exceptions() {
        return Arbitraries.maps(Arbitraries.integers().between(-60, 120), Arbitraries.of(DayKind.class)).ofMaxSize(40);
    }

    private static Map<LocalDate, DayKind> around(LocalDate d, Map<Integer, DayKind> offsets) {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        offsets.forEach((offset, kind) -> ex.put(d.plusDays(offset), kind));
        return ex;
    }
}
