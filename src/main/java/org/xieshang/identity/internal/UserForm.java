package org.xieshang.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xieshang.identity.UserAccounts.UserView;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;

/** The user form as entered; the password is never sent back to the browser. */
public record UserForm(String username, String displayName, String password, List<String> roles, String memberId,
                       String unitId, String enabled, String email) {

    static UserForm empty() {
        return new UserForm(null, null, null, List.of(), null, null, "true", null);
    }

    static UserForm of(UserView v) {
        return new UserForm(v.username(), v.displayName(), null, v.roles().stream().map(Enum::name).toList(),
                v.memberId() == null ? null : v.memberId().toString(), v.unitId() == null ? null : v.unitId().toString(),
                Boolean.toString(v.enabled()), v.email());
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role.name());
    }

    public boolean isEnabled() {
        return "true".equals(enabled) || "on".equals(enabled);
    }

    Set<Role> roleSet(InvalidInput invalid) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (String r : roles) {
                try {
                    set.add(Role.valueOf(r.strip()));
                } catch (IllegalArgumentException e) {
                    invalid.add("roles", "validation.unknownValue");
                }
            }
        }
        return set;
    }

    Long member(InvalidInput invalid) {
        return id(memberId, "memberId", invalid);
    }

    Long unit(InvalidInput invalid) {
        return id(unitId, "unitId", invalid);
    }

    /** As typed: an emptied field removes the address. */
    String emailOrEmpty() {
        return email == null ? "" : email;
    }

    /** A new password only when one was typed: an empty field keeps the old one. */
    String newPassword() {
        return password == null || password.isEmpty() ? null : password;
    }

    private static Long id(String value, String field, InvalidInput invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            invalid.add(field, "validation.typeMismatch");
            return null;
        }
    }
}
