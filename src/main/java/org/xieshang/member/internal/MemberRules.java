package org.xieshang.member.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberData;
import org.xieshang.shared.error.InvalidInput;

/** Validation of a member's facts, the same for the form, the API and each import row. */
final class MemberRules {

    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private MemberRules() {
    }

    static MemberData normalize(MemberData d) {
        return new MemberData(strip(d.name()), d.gender(), strip(d.ethnicity()), d.birthDate(), strip(d.party()),
                d.sectorId(), d.specialCommitteeId(), strip(d.workUnit()), strip(d.title()), strip(d.phone()),
                strip(d.email()), d.roles());
    }

    static InvalidInput check(MemberData d, ReferenceData reference) {
        InvalidInput invalid = new InvalidInput();
        if (d.name() == null || d.name().isEmpty() || d.name().length() > 50) {
            invalid.add("name", "validation.length", 1, 50);
        }
        if (d.gender() == null) {
            invalid.add("gender", "validation.required");
        }
        if (d.sectorId() == null) {
            invalid.add("sectorId", "validation.required");
        } else if (!reference.sectorExists(d.sectorId())) {
            invalid.add("sectorId", "validation.unknownSector");
        }
        if (d.specialCommitteeId() != null && !reference.specialCommitteeExists(d.specialCommitteeId())) {
            invalid.add("specialCommitteeId", "validation.unknownSpecialCommittee");
        }
        if (d.birthDate() != null && (d.birthDate().isAfter(LocalDate.now().minusYears(18))
                || d.birthDate().isBefore(LocalDate.of(1900, 1, 1)))) {
            invalid.add("birthDate", "validation.birthDate");
        }
        if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
            invalid.add("phone", "validation.phone");
        }
        if (d.email() != null && (d.email().length() > 200 || !EMAIL.matcher(d.email()).matches())) {
            invalid.add("email", "validation.email");
        }
        maxLength(invalid, "ethnicity", d.ethnicity(), 30);
        maxLength(invalid, "party", d.party(), 50);
        maxLength(invalid, "workUnit", d.workUnit(), 200);
        maxLength(invalid, "title", d.title(), 200);
        return invalid;
    }

    private static void maxLength(InvalidInput invalid, String field, String value, int max) {
        if (value != null && value.length() > max) {
            invalid.add(field, "validation.length", 0, max);
        }
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
