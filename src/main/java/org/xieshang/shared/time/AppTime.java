package org.xieshang.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time of records that are stamped without a clock bean at hand (entities' created-at, history
 * lines, audit entries, notices): {@link Instant#now()}, unless the current thread is acting out the
 * past with {@link #actingAt}. Only the demo seeding of a first start does that (issue 17 point 13),
 * on its own thread and for the length of each step: every other thread — web requests, db-scheduler,
 * the asynchronous event listeners — sees no shift at all, so production time is unaffected. The
 * listeners that date what they derive take the date from the event (filled from the shifted clock
 * while the step ran), never from their own clock.
 */
public final class AppTime {

    private static final ThreadLocal<Duration> SHIFT = new ThreadLocal<>();

    private AppTime() {
    }

    /** Now, as the current thread sees it. */
    public static Instant now() {
        Duration shift = SHIFT.get();
        return shift == null ? Instant.now() : Instant.now().plus(shift);
    }

    /** How far this thread's time is moved (zero outside {@link #actingAt}). */
    static Duration shift() {
        Duration shift = SHIFT.get();
        return shift == null ? Duration.ZERO : shift;
    }

    /**
     * Runs the step on this thread as if it were {@code at} (time then runs on from there); the
     * application clock and {@link #now()} follow. Restores the previous time afterwards.
     */
    public static void actingAt(Instant at, Runnable step) {
        Duration previous = SHIFT.get();
        SHIFT.set(Duration.between(Instant.now(), at));
        try {
            step.run();
        } finally {
            if (previous == null) {
                SHIFT.remove();
            } else {
                SHIFT.set(previous);
            }
        }
    }

    /** The application clock: {@code base} moved by the current thread's shift (none but in the demo seeding). */
    static Clock following(Clock base) {
        return new Shifted(base);
    }

    private static final class Shifted extends Clock {

        private final Clock base;

        Shifted(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Shifted(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return base.instant().plus(shift());
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
