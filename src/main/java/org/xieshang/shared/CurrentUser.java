package org.xieshang.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

/** The signed-in user as every module sees it: identity, committee (tenant) and data scope. */
public record CurrentUser(Long id, String username, String displayName, Long committeeId,
                          Set<Role> roles, Long memberId, Long unitId) implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
