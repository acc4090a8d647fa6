package org.xieshang.committee.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.xieshang.committee.UnitType;
import org.xieshang.shared.error.InvalidInput;

/** A reference data form as entered (sector, unit, special committee, term or session). */
public record ReferenceForm(String name, String type, String startDate, String endDate, String year) {

    public static ReferenceForm empty() {
        return new ReferenceForm(null, null, null, null, null);
    }

    UnitType unitType(InvalidInput invalid) {
        if (blank(type)) {
            return null;
        }
        try {
            return UnitType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            invalid.add("type", "validation.unknownValue");
            return null;
        }
    }

    LocalDate start(InvalidInput invalid) {
        return date(startDate, "startDate", invalid);
    }

    LocalDate end(InvalidInput invalid) {
        return date(endDate, "endDate", invalid);
    }

    Integer yearNumber(InvalidInput invalid) {
        if (blank(year)) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            invalid.add("year", "validation.year");
            return null;
        }
    }

    private static LocalDate date(String value, String field, InvalidInput invalid) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            invalid.add(field, "validation.date", value.strip());
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
