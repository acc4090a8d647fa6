package org.xieshang.identity.internal;

import org.springframework.http.HttpStatus;
import org.xieshang.shared.error.DomainException;

/** Too many failed sign-ins for an account in a day: locked until an administrator unlocks it (423). */
class AccountLocked extends DomainException {

    AccountLocked() {
        super(HttpStatus.LOCKED, "error.accountLocked");
    }
}
