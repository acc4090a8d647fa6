package org.xieshang.shared.tenancy;

import java.util.function.Supplier;
import org.xieshang.shared.CurrentUsers;

/**
 * Which committee (tenant) the current thread works for. Normally the signed-in user's;
 * background work and bootstrap set it explicitly. Hibernate reads it when a session opens,
 * so it must be set before a transaction starts.
 */
public final class CommitteeContext {

    /** Sees every committee: only for system work such as login and bootstrap. */
    public static final Long SYSTEM = -1L;
    /** No committee known: matches no row. */
    public static final Long NONE = 0L;

    private static final ThreadLocal<Long> OVERRIDE = new ThreadLocal<>();

    private CommitteeContext() {
    }

    public static Long current() {
        Long override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        return CurrentUsers.current().map(u -> u.committeeId()).orElse(NONE);
    }

    public static <T> T callAs(Long committeeId, Supplier<T> work) {
        Long previous = OVERRIDE.get();
        OVERRIDE.set(committeeId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public static void runAs(Long committeeId, Runnable work) {
        callAs(committeeId, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        return callAs(SYSTEM, work);
    }
}
