package org.xieshang.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xieshang.shared.error.Forbidden;

/** Reads the current user from the security context. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return current().orElseThrow(Forbidden::new);
    }

    /** Refuses unless the current user holds one of the roles. */
    public static CurrentUser requireAny(Role... roles) {
        CurrentUser user = require();
        if (!user.hasAny(roles)) {
            throw new Forbidden();
        }
        return user;
    }

    public static String actorName() {
        return current().map(CurrentUser::username).orElse("system");
    }
}
