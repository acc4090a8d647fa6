package org.xieshang.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.calendar.DayKind;
import org.xieshang.calendar.WorkingDays;

/** Deadlines over the 2026 calendar that every new committee is seeded with. */
class ChinaHolidaysTest {

    private static Map<LocalDate, DayKind> calendar2026() {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        ChinaHolidays.all().forEach((date, day) -> ex.put(date, day.kind()));
        return ex;
    }

    @Test
    void fiveWorkingDaysAfter28SeptemberSpanTheNationalDayHoliday() {
        Map<LocalDate, DayKind> ex = calendar2026();
        LocalDate start = LocalDate.of(2026, 9, 28);
        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        // Mon 28 Sep is the start and does not count. Tue 29 Sep = 1, Wed 30 Sep = 2;
        // Thu 1 – Wed 7 Oct are the National Day holiday (国庆节, incl. the weekend of 3–4 Oct);
        // Thu 8 Oct = 3, Fri 9 Oct = 4; Sat 10 Oct is the make-up working day (调休上班) = 5.
        // Without the calendar it would be Mon 5 Oct.
        assertThat(WorkingDays.add(start, 5, ex)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(WorkingDays.add(start, 5, Map.of())).isEqualTo(LocalDate.of(2026, 10, 5));
        // one more: Sun 11 Oct is off again, so the sixth is Mon 12 Oct
        assertThat(WorkingDays.add(start, 6, ex)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(WorkingDays.between(start, LocalDate.of(2026, 10, 12), ex)).isEqualTo(6);
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
            assertThat(WorkingDays.isWorkingDay(d, ex)).as("%s", d).isFalse();
        }
    }

    @Test
    void theSpringFestivalAndItsMakeUpDays() {
        Map<LocalDate, DayKind> ex = calendar2026();
        // Thu 12 Feb: Fri 13 = 1, Sat 14 (make-up day) = 2, 15–23 Feb off, Tue 24 = 3, Wed 25 = 4, Thu 26 = 5
        assertThat(WorkingDays.add(LocalDate.of(2026, 2, 12), 5, ex)).isEqualTo(LocalDate.of(2026, 2, 26));
        // Sat 28 Feb is a make-up working day as well
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 2, 28), ex)).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 1, 4), ex)).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 1, 2), ex)).isFalse();
    }

    @Test
    void everyHolidayEntryIsOnADayThatWouldOtherwiseDifferOrIsPartOfARange() {
        // make-up working days are only ever weekend days
        ChinaHolidays.all().forEach((date, day) -> {
            if (day.kind() == DayKind.WORKDAY) {
                assertThat(date.getDayOfWeek()).as("%s", date).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            assertThat(day.name()).isNotBlank();
        });
    }
}
