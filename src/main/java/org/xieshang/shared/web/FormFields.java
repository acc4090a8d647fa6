package org.xieshang.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.xieshang.shared.error.InvalidInput;

/**
 * Reading the fields of page forms and addresses: an empty field is "not given"
 * (whether that is allowed is the use case's rule), a malformed one a field error.
 */
public final class FormFields {

    private FormFields() {
    }

    /** The text without surrounding blanks, or null when there is none. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A number in an address (a page); anything unreadable is none. */
    public static Integer number(String value) {
        try {
            return blank(value) == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A page number in an address: the first page unless a readable positive one is given. */
    public static int page(String value) {
        Integer n = number(value);
        return n == null ? 0 : Math.max(0, n);
    }

    public static Long id(String value, String field) {
        if (blank(value) == null) {
            throw InvalidInput.field(field, "validation.required");
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "validation.typeMismatch");
        }
    }

    /** The ids chosen in a repeated field (check boxes); empty entries are skipped. */
    public static List<Long> ids(MultiValueMap<String, String> form, String field) {
        List<Long> ids = new ArrayList<>();
        for (String v : form.getOrDefault(field, List.of())) {
            if (blank(v) != null) {
                ids.add(id(v, field));
            }
        }
        return ids;
    }

    public static Boolean bool(String value, String field) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        throw InvalidInput.field(field, "validation.required");
    }

    /** An enum choice; empty is "not chosen" (null), anything else unknown is a field error. */
    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "validation.unknownValue");
        }
    }

    /** A date field; empty is none, a malformed one is added to the form's errors. */
    public static LocalDate date(String value, String field, InvalidInput invalid) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            invalid.add(field, "validation.date", value.strip());
            return null;
        }
    }
}
