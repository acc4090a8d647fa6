package org.xieshang.shared;

import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Runs background or bootstrap work as the "system" administrator of one committee, so that
 * the same use cases, permission checks and audit trail apply as for a person.
 */
public final class SystemActor {

    /** The user name, kept in audit records as the actor's identity. */
    public static final String NAME = "system";
    /** The name shown in change logs: the committee's language (zh-CN). */
    public static final String DISPLAY_NAME = "系统";

    private SystemActor() {
    }

    public static <T> T callAs(Long committeeId, Supplier<T> work) {
        return callAs(new CurrentUser(0L, NAME, DISPLAY_NAME, committeeId, EnumSet.of(Role.ADMIN, Role.PROPOSAL_STAFF), null, null),
                work);
    }

    public static void runAs(Long committeeId, Runnable work) {
        callAs(committeeId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work as this user of their committee, with the same checks as for them (bootstrap work
     * such as the demo committee acting out its people's steps).
     */
    public static void runAs(CurrentUser user, Runnable work) {
        callAs(user, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T callAs(CurrentUser user, Supplier<T> work) {
        Long committeeId = user.committeeId();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return CommitteeContext.callAs(committeeId, work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
