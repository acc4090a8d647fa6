package org.xieshang.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests move by hand, in the committee's zone (Asia/Shanghai). Import {@link Config} to
 * make it the application clock: use cases' "today" and the Spring scheduler's time follow it.
 */
public final class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    /** That day at that time in the committee's zone. */
    public Instant set(LocalDate day, LocalTime time) {
        Instant at = day.atTime(time).atZone(ZONE).toInstant();
        set(at);
        return at;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(LocalDate.of(2026, 9, 1).atTime(8, 0).atZone(ZONE).toInstant());
        }
    }
}
