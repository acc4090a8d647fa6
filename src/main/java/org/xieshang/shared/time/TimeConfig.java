package org.xieshang.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock: "today" of use cases and the time of db-scheduler come from one
 * {@link Clock} bean, so that tests can move time (a {@code @Primary} clock of their own).
 * The zone is where the committee works, {@code xieshang.zone} (XIESHANG_ZONE, Asia/Shanghai by
 * default); left empty, the server's.
 */
@Configuration
class TimeConfig {

    @Bean
    Clock clock(@Value("${xieshang.zone:}") String zone) {
        // moved only on the thread seeding the demo, while it acts out the past (AppTime)
        return AppTime.following(zone.isBlank() ? Clock.systemDefaultZone() : Clock.system(ZoneId.of(zone)));
    }

    /** db-scheduler's own clock (the starter's bean of this name is replaced), read from the application clock. */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
