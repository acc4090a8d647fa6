package org.xieshang.calendar.internal;

/** The calendar day form as entered: date, kind (holiday or make-up working day), name. */
public record DayForm(String date, String kind, String name) {
}
