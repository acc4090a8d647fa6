package org.xieshang.calendar.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.calendar.DayKind;
import org.xieshang.calendar.internal.CalendarService.DayView;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.InvalidInput;

/** The working-day calendar: exceptions per year (ADMIN edits), and deadline arithmetic. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working-day calendar")
class CalendarController {

    record DayBody(DayKind kind, String name) {
    }

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/days")
    Map<String, List<DayView>> days(@RequestParam int year) {
        if (year < 1949 || year > 2200) {
            throw InvalidInput.field("year", "validation.year");
        }
        return Map.of("items", calendar.year(year));
    }

    @PutMapping("/days/{date}")
    DayView set(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody DayBody body) {
        return calendar.set(date, body.kind(), body.name());
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date);
    }

    /** {@code ?from=2026-09-28&days=5} → the date 5 working days later, and whether from is a working day. */
    @GetMapping("/working-days")
    Map<String, Object> add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam int days) {
        CurrentUsers.require();
        if (Math.abs(days) > 3650) {
            throw InvalidInput.field("days", "validation.range", -3650, 3650);
        }
        return Map.of("from", from, "days", days, "date", calendar.addWorkingDays(from, days),
                "fromIsWorkingDay", calendar.isWorkingDay(from));
    }
}
