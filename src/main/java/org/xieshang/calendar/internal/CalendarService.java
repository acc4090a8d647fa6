package org.xieshang.calendar.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.calendar.DayKind;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.calendar.WorkingDays;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeCache;

@Service
@Transactional(readOnly = true)
public class CalendarService implements WorkingCalendar {

    public record DayView(LocalDate date, DayKind kind, String name) {
    }

    private final CalendarDayRepository days;

    /**
     * Each committee's exceptions (holidays, make-up days), for the deadlines every case detail and
     * page computes (issue 16): a few hundred rows at most, read once instead of per request. Evicted
     * on this node when a day is set, removed or seeded (at once and again when the transaction ends,
     * since a reader may cache the old days meanwhile); other nodes see a change within 1 minute.
     */
    private final CommitteeCache<NavigableMap<LocalDate, DayKind>> cache = new CommitteeCache<>();
    // the day computations below take no transaction of their own (a miss reads through the repository)

    CalendarService(CalendarDayRepository days) {
        this.days = days;
    }

    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public boolean isWorkingDay(LocalDate date) {
        return WorkingDays.isWorkingDay(date, exceptions(date, date));
    }

    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public LocalDate addWorkingDays(LocalDate start, int n) {
        // a working day is at most ~3 calendar days away even around the longest holidays
        int span = Math.abs(n) * 3 + 30;
        LocalDate from = n >= 0 ? start : start.minusDays(span);
        LocalDate to = n >= 0 ? start.plusDays(span) : start;
        return WorkingDays.add(start, n, exceptions(from, to));
    }

    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        LocalDate a = from.isBefore(to) ? from : to;
        LocalDate b = from.isBefore(to) ? to : from;
        return WorkingDays.between(from, to, exceptions(a, b));
    }

    @Override
    @Transactional
    public void seedDefaults() {
        changed();
        ChinaHolidays.all().forEach((date, day) -> {
            if (days.findByDay(date).isEmpty()) {
                days.save(new CalendarDay(date, day.kind(), day.name()));
            }
        });
    }

    public List<DayView> year(int year) {
        CurrentUsers.require();
        return days.findByDayBetweenOrderByDayAsc(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(d -> new DayView(d.getDay(), d.getKind(), d.getName())).toList();
    }

    @Transactional
    public DayView set(LocalDate date, DayKind kind, String name) {
        CurrentUsers.requireAny(Role.ADMIN);
        InvalidInput invalid = new InvalidInput();
        if (date == null) {
            invalid.add("date", "validation.required");
        }
        if (kind == null) {
            invalid.add("kind", "validation.required");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            invalid.add("name", "validation.length", 1, 100);
        }
        invalid.throwIfAny();
        changed();
        CalendarDay day = days.findByDay(date).orElse(null);
        if (day == null) {
            day = days.save(new CalendarDay(date, kind, clean));
        } else {
            day.change(kind, clean);
            days.saveAndFlush(day);
        }
        return new DayView(day.getDay(), day.getKind(), day.getName());
    }

    /** Removes an exception: the day follows the ordinary week again (audited as a delete). */
    @Transactional
    public void remove(LocalDate date) {
        CurrentUsers.requireAny(Role.ADMIN);
        CalendarDay day = days.findByDay(date).orElseThrow(NotFound::new);
        changed();
        days.delete(day);
    }

    /** The committee's exceptions from..to (inclusive), from the cache (a committee's context only). */
    private Map<LocalDate, DayKind> exceptions(LocalDate from, LocalDate to) {
        return cache.get(() -> {
            NavigableMap<LocalDate, DayKind> all = new TreeMap<>();
            days.findAll().forEach(d -> all.put(d.getDay(), d.getKind()));
            return Collections.unmodifiableNavigableMap(all);
        }).subMap(from, true, to, true);
    }

    /** The committee's days change: its cached calendar goes now and again when the transaction ends. */
    private void changed() {
        cache.changed();
    }
}
