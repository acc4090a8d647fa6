package org.xieshang.activity.internal;

import java.time.Duration;
import java.time.Instant;

/** When members may check in: from one hour before the start to the end, both included (issue 11). */
final class CheckInWindow {

    static final Duration EARLY = Duration.ofHours(1);

    private CheckInWindow() {
    }

    static Instant opensAt(Instant startsAt) {
        return startsAt.minus(EARLY);
    }

    static boolean contains(Instant startsAt, Instant endsAt, Instant now) {
        return !now.isBefore(opensAt(startsAt)) && !now.isAfter(endsAt);
    }
}
