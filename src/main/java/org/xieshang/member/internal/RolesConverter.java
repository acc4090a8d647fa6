package org.xieshang.member.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.xieshang.member.MemberRole;

/** Stores a member's roles as one comma-separated column, so a change is one audited update. */
@Converter
class RolesConverter implements AttributeConverter<Set<MemberRole>, String> {

    @Override
    public String convertToDatabaseColumn(Set<MemberRole> roles) {
        return roles == null ? "" : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(MemberRole.class) : roles)
                .stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<MemberRole> convertToEntityAttribute(String column) {
        EnumSet<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::strip).map(MemberRole::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
