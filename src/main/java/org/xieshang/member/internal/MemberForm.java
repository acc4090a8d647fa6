package org.xieshang.member.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberRole;
import org.xieshang.member.MemberStatus;
import org.xieshang.member.internal.MemberService.MemberView;
import org.xieshang.shared.error.InvalidInput;

/**
 * The member form as entered: every field kept as text, so that a rejected form shows exactly
 * what the user typed next to the error.
 */
public record MemberForm(String name, String gender, String ethnicity, String birthDate, String party,
                         String sectorId, String specialCommitteeId, String workUnit, String title, String phone,
                         String email, List<String> roles, String status, String version) {

    static MemberForm empty() {
        return new MemberForm(null, null, null, null, null, null, null, null, null, null, null,
                List.of(MemberRole.MEMBER.name()), null, null);
    }

    static MemberForm of(MemberView v) {
        return new MemberForm(v.name(), name(v.gender()), v.ethnicity(), v.birthDate() == null ? null : v.birthDate().toString(),
                v.party(), text(v.sectorId()), text(v.specialCommitteeId()), v.workUnit(), v.title(), v.phone(), v.email(),
                v.roles().stream().map(Enum::name).toList(), name(v.status()), Long.toString(v.version()));
    }

    public boolean hasRole(MemberRole role) {
        return roles != null && roles.contains(role.name());
    }

    /** The facts, or the fields that are not even well-formed (a date that is no date, say). */
    MemberData data() {
        InvalidInput invalid = new InvalidInput();
        Gender g = parseEnum(Gender.class, gender, "gender", invalid);
        LocalDate birth = null;
        if (blank(birthDate) != null) {
            try {
                birth = LocalDate.parse(birthDate.strip());
            } catch (DateTimeParseException e) {
                invalid.add("birthDate", "validation.date", birthDate.strip());
            }
        }
        Long sector = parseId(sectorId, "sectorId", invalid);
        Long specialCommittee = parseId(specialCommitteeId, "specialCommitteeId", invalid);
        Set<MemberRole> memberRoles = EnumSet.noneOf(MemberRole.class);
        if (roles != null) {
            for (String r : roles) {
                MemberRole role = parseEnum(MemberRole.class, r, "roles", invalid);
                if (role != null) {
                    memberRoles.add(role);
                }
            }
        }
        invalid.throwIfAny();
        // text fields go as entered: the service trims them and turns empty ones into "not given"
        return new MemberData(name == null ? "" : name, g, ethnicity, birth, party, sector, specialCommittee, workUnit, title,
                phone, email, memberRoles);
    }

    MemberStatus parsedStatus() {
        InvalidInput invalid = new InvalidInput();
        MemberStatus s = parseEnum(MemberStatus.class, status, "status", invalid);
        invalid.throwIfAny();
        return s;
    }

    long parsedVersion() {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("version", "validation.typeMismatch");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, InvalidInput invalid) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            invalid.add(field, "validation.unknownValue");
            return null;
        }
    }

    private static Long parseId(String value, String field, InvalidInput invalid) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            invalid.add(field, "validation.typeMismatch");
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(Long id) {
        return id == null ? null : id.toString();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
