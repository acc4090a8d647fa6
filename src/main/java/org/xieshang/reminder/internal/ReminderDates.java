package org.xieshang.reminder.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * When the reminders of a case go out, on the committee's working days. Pure (the calendar is a
 * predicate), so that property tests can check it over any calendar.
 *
 * <p>Days off: every reminder lands on a working day. "N working days before the due date"
 * counts working days backwards from the due date, so holidays push it earlier, never onto a
 * day off. The due-day reminder goes out on the due date, or, when the due date is a day off, on
 * the last working day before it (the unit must answer by then; a reminder after the deadline
 * would be an overdue one). Overdue reminders (催办) go out on the first working day after the due
 * date, then every M working days. The rating reminder goes out K working days after the reply
 * was approved. Nothing is planned for the planning day itself or earlier: the assignment notice
 * already speaks that day, and a past date would fire at once.
 */
final class ReminderDates {

    /** Stop looking for a working day after ten years of days off: the calendar is broken. */
    private static final int MAX_SCAN_DAYS = 3660;

    /**
     * One planned reminder. Occurrence: BEFORE_DUE the working days before; DUE_DAY 0; OVERDUE
     * 1, 2, ...; RATING the reply round.
     */
    record Planned(ReminderKind kind, int occurrence, LocalDate date) {
    }

    private ReminderDates() {
    }

    /**
     * The reminders to the handling units for a due date, in date order: before the due date
     * (one for each distinct N > 0), on the due day, and the first overdue one; only those after
     * {@code today}. Where a before-reminder would fall on the due-day reminder's date (N = 1 and
     * the due date a day off) only the due-day one remains.
     */
    static List<Planned> forDue(LocalDate due, Collection<Integer> beforeDays, LocalDate today, Predicate<LocalDate> working) {
        Map<LocalDate, Planned> byDate = new LinkedHashMap<>();
        beforeDays.stream().filter(n -> n != null && n > 0).distinct().sorted(Comparator.reverseOrder())
                .forEach(n -> byDate.put(step(due, -n, working), new Planned(ReminderKind.BEFORE_DUE, n, step(due, -n, working))));
        LocalDate dueDay = onOrBefore(due, working);
        byDate.put(dueDay, new Planned(ReminderKind.DUE_DAY, 0, dueDay));
        LocalDate overdue = firstOverdue(due, today, working);
        byDate.put(overdue, new Planned(ReminderKind.OVERDUE, 1, overdue));
        List<Planned> out = new ArrayList<>();
        for (Planned p : byDate.values()) {
            if (p.date().isAfter(today)) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(Planned::date));
        return out;
    }

    /** The first overdue reminder: the first working day after the due date, or after today when that has passed. */
    static LocalDate firstOverdue(LocalDate due, LocalDate today, Predicate<LocalDate> working) {
        return step(due.isBefore(today) ? today : due, 1, working);
    }

    /**
     * The next overdue reminder after one planned for {@code previous}: M working days later,
     * counted from today instead when that one went out late (after a stop), so that a backlog
     * does not go out in a burst.
     */
    static LocalDate nextOverdue(LocalDate previous, int every, LocalDate today, Predicate<LocalDate> working) {
        return step(previous.isBefore(today) ? today : previous, Math.max(1, every), working);
    }

    /** The rating reminder: K working days after the reply's approval. */
    static LocalDate rating(LocalDate repliedOn, int after, Predicate<LocalDate> working) {
        return step(repliedOn, Math.max(1, after), working);
    }

    /** The date n working days after (n > 0) or before (n < 0) the start; the start itself does not count. */
    static LocalDate step(LocalDate start, int n, Predicate<LocalDate> working) {
        if (n == 0) {
            throw new IllegalArgumentException("n must not be 0");
        }
        int dir = n > 0 ? 1 : -1;
        int left = Math.abs(n);
        LocalDate d = start;
        int scanned = 0;
        while (left > 0) {
            d = d.plusDays(dir);
            if (working.test(d)) {
                left--;
                scanned = 0;
            } else if (++scanned > MAX_SCAN_DAYS) {
                throw new IllegalStateException("no working day near " + start);
            }
        }
        return d;
    }

    /** The date itself if it is a working day, else the last working day before it. */
    static LocalDate onOrBefore(LocalDate date, Predicate<LocalDate> working) {
        return working.test(date) ? date : step(date, -1, working);
    }
}
