package org.xieshang.calendar.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xieshang.calendar.DayKind;

/**
 * The national holiday arrangements seeded into a new committee's calendar. 2026 follows the
 * State Council's notice (国办发明电〔2025〕7号). 2027's notice was not yet known when this was
 * written: its statutory days are seeded, and the office adjusts the make-up days when the
 * notice is published.
 */
final class ChinaHolidays {

    record Day(DayKind kind, String name) {
    }

    private ChinaHolidays() {
    }

    static Map<LocalDate, Day> all() {
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        // 2026
        range(days, "2026-01-01", "2026-01-03", "元旦");
        work(days, "2026-01-04", "元旦调休上班");
        work(days, "2026-02-14", "春节调休上班");
        range(days, "2026-02-15", "2026-02-23", "春节");
        work(days, "2026-02-28", "春节调休上班");
        range(days, "2026-04-04", "2026-04-06", "清明节");
        range(days, "2026-05-01", "2026-05-05", "劳动节");
        work(days, "2026-05-09", "劳动节调休上班");
        range(days, "2026-06-19", "2026-06-21", "端午节");
        work(days, "2026-09-20", "国庆节调休上班");
        range(days, "2026-09-25", "2026-09-27", "中秋节");
        range(days, "2026-10-01", "2026-10-07", "国庆节");
        work(days, "2026-10-10", "国庆节调休上班");
        // 2027: statutory days (provisional until the State Council's notice)
        range(days, "2027-01-01", "2027-01-01", "元旦");
        range(days, "2027-02-05", "2027-02-08", "春节");
        range(days, "2027-04-05", "2027-04-05", "清明节");
        range(days, "2027-05-01", "2027-05-02", "劳动节");
        range(days, "2027-06-09", "2027-06-09", "端午节");
        range(days, "2027-09-15", "2027-09-15", "中秋节");
        range(days, "2027-10-01", "2027-10-03", "国庆节");
        return days;
    }

    private static void range(Map<LocalDate, Day> days, String from, String to, String name) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.put(d, new Day(DayKind.HOLIDAY, name));
        }
    }

    private static void work(Map<LocalDate, Day> days, String date, String name) {
        days.put(LocalDate.parse(date), new Day(DayKind.WORKDAY, name));
    }
}
