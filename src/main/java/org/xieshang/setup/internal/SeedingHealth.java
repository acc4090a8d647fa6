package org.xieshang.setup.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN until the first start's seeding (committee, {@code admin}, the demo committee when asked
 * for) is done. The web server answers before the application runners have run, so without this
 * {@code /actuator/health} said UP while a sign-in was still refused. Part of the root health and
 * of the readiness group (application.yml).
 */
@Component("seeding")
class SeedingHealth implements HealthIndicator {

    private volatile boolean done;

    /** The seed-done signal: called by {@link FirstStart} once everything a user needs exists. */
    void done() {
        done = true;
    }

    @Override
    public Health health() {
        return done ? Health.up().build() : Health.down().build();
    }
}
