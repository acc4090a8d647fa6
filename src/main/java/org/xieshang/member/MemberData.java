package org.xieshang.member;

import java.time.LocalDate;
import java.util.Set;

/** The editable facts of a member, as entered on the form, the API or an import row. */
public record MemberData(String name, Gender gender, String ethnicity, LocalDate birthDate, String party,
                         Long sectorId, Long specialCommitteeId, String workUnit, String title,
                         String phone, String email, Set<MemberRole> roles) {
}
