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

    /** Enabled accounts linked to these members (a member may have no account). */
    java.util.List<Long> userIdsOfMembers(java.util.Collection<Long> memberIds);

    /** Enabled accounts holding the role. */
    java.util.List<Long> userIdsWithRole(Role role);

    /** Enabled accounts of a unit (its handlers and heads). */
    java.util.List<Long> userIdsOfUnit(Long unitId);

    /** Display name of a user, for timelines and lists. */
    java.util.Optional<String> displayName(Long userId);
}
