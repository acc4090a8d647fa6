package org.xieshang.calendar.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.calendar.DayKind;
import org.xieshang.calendar.internal.CalendarService.DayView;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/** The working-day calendar of a year: its holidays and make-up days; the committee office edits them. */
@PageController
class CalendarPages implements NavContributor {

    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2200;

    private final CalendarService calendar;
    private final Messages messages;

    CalendarPages(CalendarService calendar, Messages messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.has(Role.ADMIN) ? List.of(new NavItem("nav.calendar", "/calendar", 90)) : List.of();
    }

    /** {@code ?year=2026}; {@code &date=2026-10-01} puts that day into the form for changing it. */
    @GetMapping("/calendar")
    String year(@RequestParam(required = false) String year, @RequestParam(required = false) String date, Model model) {
        int y = year(year);
        List<DayView> days = calendar.year(y);
        DayForm form = new DayForm(null, null, null);
        if (date != null) {
            form = days.stream().filter(d -> d.date().toString().equals(date.strip())).findFirst()
                    .map(d -> new DayForm(d.date().toString(), d.kind().name(), d.name()))
                    .orElse(new DayForm(date.strip(), null, null));
        }
        return page(model, y, days, form, FormErrors.none());
    }

    @PostMapping("/calendar/days")
    String set(@ModelAttribute DayForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        InvalidInput invalid = new InvalidInput();
        LocalDate date = date(form.date(), invalid);
        DayKind kind = kind(form.kind(), invalid);
        try {
            invalid.throwIfAny();
            DayView saved = calendar.set(date, kind, form.name());
            redirect.addFlashAttribute("notice", messages.get("calendar.saved", saved.date().toString()));
            return "redirect:/calendar?year=" + saved.date().getYear();
        } catch (InvalidInput refused) {
            response.setStatus(400);
            int y = date != null && invalid.problems().isEmpty() ? date.getYear() : LocalDate.now().getYear();
            return page(model, y, calendar.year(y), form, FormErrors.of(refused, messages));
        }
    }

    /** Removal by a posted form (no JavaScript needed); the audit trail records it as a delete. */
    @PostMapping("/calendar/days/{date}/remove")
    String remove(@PathVariable String date, RedirectAttributes redirect) {
        InvalidInput invalid = new InvalidInput();
        LocalDate day = date(date, invalid);
        invalid.throwIfAny();
        if (day == null) {
            throw InvalidInput.field("date", "validation.required");
        }
        calendar.remove(day);
        redirect.addFlashAttribute("notice", messages.get("calendar.removed", day.toString()));
        return "redirect:/calendar?year=" + day.getYear();
    }

    private String page(Model model, int year, List<DayView> days, DayForm form, FormErrors errors) {
        model.addAttribute("year", year);
        model.addAttribute("days", days);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("minYear", MIN_YEAR);
        model.addAttribute("maxYear", MAX_YEAR);
        return "calendar/year";
    }

    private static int year(String year) {
        if (year == null || year.isBlank()) {
            return LocalDate.now().getYear();
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= MIN_YEAR && y <= MAX_YEAR) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw InvalidInput.field("year", "validation.year");
    }

    /** A date of the calendar's range; a missing one is left to the service to report. */
    private static LocalDate date(String value, InvalidInput invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                invalid.add("date", "validation.range", MIN_YEAR + "-01-01", MAX_YEAR + "-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            invalid.add("date", "validation.date", value.strip());
            return null;
        }
    }

    private static DayKind kind(String value, InvalidInput invalid) {
        if (value == null || value.isBlank()) {
            return null; // the service reports it as required
        }
        try {
            return DayKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            invalid.add("kind", "validation.unknownValue");
            return null;
        }
    }
}
