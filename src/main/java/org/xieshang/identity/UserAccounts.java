package org.xieshang.identity;

import java.util.Set;
import org.xieshang.shared.Role;

/** User accounts of the current committee, for bootstrap and other modules. */
public interface UserAccounts {

    /** A new account; the e-mail address is optional (null: none, or the linked member's). */
    record NewUser(String username, String password, String displayName, Set<Role> roles, Long memberId, Long unitId,
                   String email) {
        public NewUser(String username, String password, String displayName, Set<Role> roles, Long memberId,
                       Long unitId) {
            this(username, password, displayName, roles, memberId, unitId, null);
        }
    }

    record UserView(Long id, String username, String displayName, Set<Role> roles, Long memberId, Long unitId,
                    boolean enabled, String email) {
    }

    /** Where a user's mail goes: the account's own address, else the linked member's. */
    record MailRecipient(Long userId, String displayName, String email) {
    }

    UserView create(NewUser user);

    /**
     * Accounts the system makes that share one published password (the demo committee's): checked
     * as {@link #create} checks each, the password hashed once for all of them (BCrypt's cost paid
     * once, not per account). Only the system may; every account with a password of its own is
     * made by {@link #create}.
     */
    java.util.List<UserView> createSharingPassword(java.util.List<NewUser> users);

    long count();

    /** Enabled accounts linked to these members (a member may have no account). */
    java.util.List<Long> userIdsOfMembers(java.util.Collection<Long> memberIds);

    /** Enabled accounts holding the role. */
    java.util.List<Long> userIdsWithRole(Role role);

    /** Enabled accounts of a unit (its handlers and heads). */
    java.util.List<Long> userIdsOfUnit(Long unitId);

    /** The units that have at least one enabled account (a unit without one cannot act on its cases). */
    java.util.Set<Long> unitIdsWithAccounts();

    /** Mail recipients among these enabled users: those with an address of their own or of their member. */
    java.util.List<MailRecipient> mailRecipients(java.util.Collection<Long> userIds);

    /** Display name of a user, for timelines and lists. */
    java.util.Optional<String> displayName(Long userId);
}
