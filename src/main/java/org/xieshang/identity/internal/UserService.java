package org.xieshang.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/** User administration of the current committee (ADMIN). */
@Service
@Transactional(readOnly = true)
public class UserService implements UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{3,64}$");
    /** The same rule as a member's address. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A partial change: null keeps a value; an empty e-mail removes the address. */
    public record UserChange(String displayName, Set<Role> roles, Long memberId, Long unitId, Boolean enabled,
                             String password, String email) {
        public UserChange(String displayName, Set<Role> roles, Long memberId, Long unitId, Boolean enabled,
                          String password) {
            this(displayName, roles, memberId, unitId, enabled, password, null);
        }
    }

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final AccountRecheck recheck;
    private final LoginThrottle throttle;
    private final PasswordPolicy policy;
    private final boolean changeAfterAdminSet;
    private final org.xieshang.audit.AuditTrail audit;
    private final PasswordEncoder encoder;
    private final MemberDirectory members;
    private final ReferenceData reference;
    /** A transaction of its own: the caller's one sees only the caller's committee. */
    private final TransactionTemplate allCommittees;

    UserService(UserAccountRepository users, ApiTokenRepository tokens, AccountRecheck recheck, LoginThrottle throttle,
                PasswordPolicy policy, org.xieshang.audit.AuditTrail audit, PasswordEncoder encoder,
                MemberDirectory members, ReferenceData reference, TransactionTemplate tx,
                @org.springframework.beans.factory.annotation.Value("${xieshang.password.change-after-admin-set:true}")
                boolean changeAfterAdminSet) {
        this.policy = policy;
        this.changeAfterAdminSet = changeAfterAdminSet;
        this.throttle = throttle;
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.recheck = recheck;
        this.encoder = encoder;
        this.members = members;
        this.reference = reference;
        this.allCommittees = new TransactionTemplate(tx.getTransactionManager());
        this.allCommittees.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.allCommittees.setReadOnly(true);
    }

    /**
     * The units that have an enabled account, by committee: every case detail shows the case's units
     * without one (issue 16). Evicted on this node when an account is made or changed (at once and
     * when the transaction ends); other nodes see a change within 1 minute (docs/reqcost.md).
     */
    private final org.xieshang.shared.tenancy.CommitteeCache<java.util.Set<Long>> unitsWithAccounts =
            new org.xieshang.shared.tenancy.CommitteeCache<>();

    @Override
    @Transactional
    public UserView create(NewUser u) {
        return create(u, () -> encoder.encode(u.password()));
    }

    @Override
    @Transactional
    public java.util.List<UserView> createSharingPassword(java.util.List<NewUser> list) {
        if (!bySystem()) {
            throw new IllegalStateException("Only the system creates accounts sharing a password");
        }
        if (list.stream().map(NewUser::password).distinct().count() > 1) {
            throw new IllegalArgumentException("The accounts do not share one password");
        }
        String[] hash = new String[1];
        return list.stream().map(u -> create(u, () -> {
            if (hash[0] == null) {
                hash[0] = encoder.encode(u.password());
            }
            return hash[0];
        })).toList();
    }

    /** A new account; {@code hash} encodes its password once the input is found valid. */
    private UserView create(NewUser u, java.util.function.Supplier<String> hash) {
        CurrentUsers.requireAny(Role.ADMIN);
        InvalidInput invalid = new InvalidInput();
        String username = u.username() == null ? "" : u.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            invalid.add("username", "validation.username");
        }
        checkPassword(invalid, username, u.password());
        String displayName = u.displayName() == null ? "" : u.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            invalid.add("displayName", "validation.length", 1, 100);
        }
        checkScope(invalid, u.roles(), u.memberId(), u.unitId());
        checkEmail(invalid, u.email());
        invalid.throwIfAny();
        // usernames are unique across committees: look beyond the current one, in a new session
        // (Hibernate fixes a session's committee when it opens, so joining ours would not)
        boolean taken = Boolean.TRUE.equals(CommitteeContext.callAsSystem(() ->
                allCommittees.execute(s -> users.existsByUsername(username))));
        if (taken) {
            throw new Conflict("error.usernameTaken", username);
        }
        unitsMayHaveChanged();
        UserAccount account = users.save(new UserAccount(username, hash.get(), displayName,
                EnumSet.copyOf(u.roles()), u.memberId(), u.unitId()));
        account.changeEmail(u.email());
        account.requirePasswordChange(setByAnAdministrator());
        return view(account);
    }

    @Transactional
    public UserView update(Long id, UserChange change) {
        CurrentUsers.requireAny(Role.ADMIN);
        UserAccount account = users.findById(id).orElseThrow(NotFound::new);
        InvalidInput invalid = new InvalidInput();
        if (change.password() != null) {
            checkPassword(invalid, account.getUsername(), change.password());
        }
        if (change.displayName() != null && (change.displayName().isBlank() || change.displayName().length() > 100)) {
            invalid.add("displayName", "validation.length", 1, 100);
        }
        Set<Role> roles = change.roles() != null ? change.roles() : account.getRoles();
        checkScope(invalid, roles, change.memberId() != null ? change.memberId() : account.getMemberId(),
                change.unitId() != null ? change.unitId() : account.getUnitId());
        checkEmail(invalid, change.email());
        invalid.throwIfAny();
        unitsMayHaveChanged();
        boolean credentials = account.change(change.displayName() == null ? null : change.displayName().strip(),
                change.roles(), change.memberId(), change.unitId(), change.enabled());
        if (change.email() != null) {
            account.changeEmail(change.email());
        }
        if (change.password() != null) {
            account.changePassword(encoder.encode(change.password()));
            account.requirePasswordChange(setByAnAdministrator());
            credentials = true;
        }
        users.saveAndFlush(account);
        if (credentials) {
            endSignIns(account);
        } else {
            recheck.accountChanged(account.getId()); // the name its cached tokens carry
        }
        return view(account);
    }

    /** Roles, scope, status or password changed: the user's tokens and web sessions end. */
    private void endSignIns(UserAccount account) {
        tokens.findByUserIdAndRevokedAtIsNull(account.getId()).forEach(ApiToken::revoke);
        recheck.credentialsChanged(account.getId(), account.getUsername());
    }

    /** Ends a lock after too many failed sign-ins (and the delays of every address for this account). */
    @Transactional
    public UserView unlock(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        UserAccount account = users.findById(id).orElseThrow(NotFound::new);
        boolean wasLocked = throttle.isLocked(account.getUsername());
        throttle.unlock(account.getUsername());
        audit.record("UserAccount", id, "unlocked", java.util.Map.of("wasLocked", wasLocked));
        return view(account);
    }

    /** Whether the account is locked after too many failed sign-ins. */
    public boolean isLocked(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        return users.findById(id).map(a -> throttle.isLocked(a.getUsername())).orElseThrow(NotFound::new);
    }

    public UserView get(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        return users.findById(id).map(UserService::view).orElseThrow(NotFound::new);
    }

    public Page<UserView> list(PageRequest page) {
        CurrentUsers.requireAny(Role.ADMIN);
        return users.findAllByOrderByUsernameAsc(page).map(UserService::view);
    }

    @Override
    public long count() {
        return users.count();
    }

    @Override
    public java.util.List<Long> userIdsOfMembers(java.util.Collection<Long> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            return java.util.List.of();
        }
        return users.findByMemberIdInAndEnabledTrue(memberIds).stream().map(UserAccount::getId).toList();
    }

    @Override
    public java.util.List<Long> userIdsWithRole(Role role) {
        return users.findByEnabledTrue().stream().filter(u -> u.getRoles().contains(role)).map(UserAccount::getId).toList();
    }

    @Override
    public java.util.List<Long> userIdsOfUnit(Long unitId) {
        return unitId == null ? java.util.List.of()
                : users.findByUnitIdAndEnabledTrue(unitId).stream().map(UserAccount::getId).toList();
    }

    /** No transaction of its own when cached (every assigned case's detail asks, issue 16); a miss reads through the repository. */
    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public java.util.Set<Long> unitIdsWithAccounts() {
        return unitsWithAccounts.get(() -> java.util.Set.copyOf(users.unitIdsOfEnabledAccounts()));
    }

    /** An account was made or changed (its unit, its state): the cached units with accounts go now and at the end. */
    private void unitsMayHaveChanged() {
        unitsWithAccounts.changed();
    }

    @Override
    public java.util.List<MailRecipient> mailRecipients(java.util.Collection<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<UserAccount> accounts = users.findAllById(new java.util.LinkedHashSet<>(userIds)).stream()
                .filter(UserAccount::isEnabled).toList();
        java.util.Map<Long, String> memberEmails = members.emails(accounts.stream()
                .filter(a -> a.getEmail() == null && a.getMemberId() != null).map(UserAccount::getMemberId).toList());
        java.util.List<MailRecipient> recipients = new java.util.ArrayList<>();
        for (UserAccount a : accounts) {
            String email = a.getEmail() != null ? a.getEmail() : memberEmails.get(a.getMemberId());
            if (email != null) {
                recipients.add(new MailRecipient(a.getId(), a.getDisplayName(), email));
            }
        }
        return recipients;
    }

    @Override
    public java.util.Optional<String> displayName(Long userId) {
        return userId == null ? java.util.Optional.empty() : users.findById(userId).map(UserAccount::getDisplayName);
    }

    /**
     * A person's choice follows the password policy; the system's own accounts (the first admin
     * from the operator's setting, the demo committee's people) keep the old length rule.
     */
    private void checkPassword(InvalidInput invalid, String username, String password) {
        if (bySystem()) {
            if (password == null || password.length() < 8 || password.length() > 128) {
                invalid.add("password", "validation.password");
            }
        } else {
            policy.check(invalid, "password", username, password);
        }
    }

    private static boolean bySystem() {
        return CurrentUsers.current().map(u -> org.xieshang.shared.SystemActor.NAME.equals(u.username())).orElse(true);
    }

    /** A password an administrator set is to be changed at its user's next sign-in (not the system's accounts). */
    private boolean setByAnAdministrator() {
        return changeAfterAdminSet && !bySystem();
    }

    /**
     * The signed-in user changes their own password: every other web session and API token of
     * theirs ends; the one they use now (session id or token) stays. Answers the new credentials
     * version, for the current session's stamp.
     */
    @Transactional
    public long changeOwnPassword(String currentPassword, String newPassword, String keptSessionId, String keptToken) {
        Long id = CurrentUsers.require().id();
        UserAccount account = users.findById(id).orElseThrow(NotFound::new);
        InvalidInput invalid = new InvalidInput();
        if (currentPassword == null || currentPassword.isEmpty()) {
            invalid.add("currentPassword", "validation.required");
        } else if (!encoder.matches(currentPassword, account.getPasswordHash())) {
            invalid.add("currentPassword", "security.password.currentWrong");
        }
        policy.check(invalid, "newPassword", account.getUsername(), newPassword);
        if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
            invalid.add("newPassword", "security.password.unchanged");
        }
        invalid.throwIfAny();
        account.changePassword(encoder.encode(newPassword));
        account.requirePasswordChange(false);
        users.saveAndFlush(account);
        String keptHash = keptToken == null ? null : AuthService.hash(keptToken);
        tokens.findByUserIdAndRevokedAtIsNull(id).stream()
                .filter(t -> !t.getTokenHash().equals(keptHash))
                .forEach(ApiToken::revoke);
        recheck.credentialsChanged(id, account.getUsername(), keptSessionId);
        return account.getCredentialsVersion();
    }

    /** Optional; an empty value means none. */
    private void checkEmail(InvalidInput invalid, String email) {
        if (email != null && !email.isBlank() && (email.strip().length() > 200 || !EMAIL.matcher(email.strip()).matches())) {
            invalid.add("email", "validation.email");
        }
    }

    private void checkScope(InvalidInput invalid, Set<Role> roles, Long memberId, Long unitId) {
        if (roles == null || roles.isEmpty()) {
            invalid.add("roles", "validation.required");
            return;
        }
        if (memberId != null && !members.exists(memberId)) {
            invalid.add("memberId", "validation.unknownMember");
        } else if (roles.contains(Role.MEMBER) && memberId == null) {
            invalid.add("memberId", "validation.memberRequired");
        }
        if (unitId != null && !reference.unitExists(unitId)) {
            invalid.add("unitId", "validation.unknownUnit");
        } else if ((roles.contains(Role.UNIT_HANDLER) || roles.contains(Role.UNIT_HEAD)) && unitId == null) {
            invalid.add("unitId", "validation.unitRequired");
        }
    }

    static UserView view(UserAccount a) {
        return new UserView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRoles(), a.getMemberId(), a.getUnitId(),
                a.isEnabled(), a.getEmail());
    }
}
