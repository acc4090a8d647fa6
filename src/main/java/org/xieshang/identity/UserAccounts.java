package org.xieshang.identity;

import java.util.Set;
import org.xieshang.shared.Role;

/** User accounts of the current committee, for bootstrap and other modules. */
public interface UserAccounts {

    record NewUser(String username, String password, String displayName, Set<Role> roles, Long memberId, Long unitId) {
    }

    record UserView(Long id, String username, String displayName, Set<Role> roles, Long memberId, Long unitId,
                    boolean enabled) {
    }

    UserView create(NewUser user);

    long count();
}
