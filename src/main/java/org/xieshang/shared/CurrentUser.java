package org.xieshang.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;

/**
 * The signed-in user as every module sees it: identity, committee (tenant) and data scope. A
 * {@link Principal} named by the username, which is what the session store indexes sessions by.
 */
public record CurrentUser(Long id, String username, String displayName, Long committeeId,
                          Set<Role> roles, Long memberId, Long unitId) implements Serializable, Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
