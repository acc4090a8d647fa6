package org.xieshang.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A person who signs in: roles, and the member or unit that bounds their data scope. */
@Entity
class UserAccount extends CommitteeScopedEntity {

    @Column(nullable = false, length = 64)
    private String username;
    @Column(nullable = false, length = 200)
    private String passwordHash;
    @Column(nullable = false, length = 100)
    private String displayName;
    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 200)
    private Set<Role> roles;
    private Long memberId;
    private Long unitId;
    @Column(length = 200)
    private String email;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(nullable = false)
    private Instant createdAt;
    /** Bumped on every change of roles, status or password; sessions stamped with an older value end. */
    @Column(nullable = false)
    private long credentialsVersion;
    /** Set when an administrator set the password: its user must choose their own at the next sign-in. */
    @Column(nullable = false)
    private boolean passwordChangeRequired;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, String displayName, Set<Role> roles, Long memberId, Long unitId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = EnumSet.copyOf(roles);
        this.memberId = memberId;
        this.unitId = unitId;
        this.createdAt = Instant.now();
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(getId(), username, displayName, getCommitteeId(), Set.copyOf(roles), memberId, unitId);
    }

    /** True when the change touches what a session was granted (roles, scope or status). */
    boolean change(String displayName, Set<Role> roles, Long memberId, Long unitId, Boolean enabled) {
        boolean credentials = false;
        if (displayName != null) {
            this.displayName = displayName;
        }
        if (roles != null && !EnumSet.copyOf(roles).equals(this.roles)) {
            this.roles = EnumSet.copyOf(roles);
            credentials = true;
        }
        if (memberId != null && !memberId.equals(this.memberId)) {
            this.memberId = memberId;
            credentials = true;
        }
        if (unitId != null && !unitId.equals(this.unitId)) {
            this.unitId = unitId;
            credentials = true;
        }
        if (enabled != null && enabled != this.enabled) {
            this.enabled = enabled;
            credentials = true;
        }
        if (credentials) {
            credentialsVersion++;
        }
        return credentials;
    }

    /** A blank address removes it (the linked member's address is used then, if any). */
    void changeEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
        credentialsVersion++;
    }

    void requirePasswordChange(boolean required) {
        this.passwordChangeRequired = required;
    }

    boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    long getCredentialsVersion() {
        return credentialsVersion;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    Set<Role> getRoles() {
        return roles;
    }

    Long getMemberId() {
        return memberId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getEmail() {
        return email;
    }

    boolean isEnabled() {
        return enabled;
    }
}
