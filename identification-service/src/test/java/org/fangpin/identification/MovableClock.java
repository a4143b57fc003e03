package org.fangpin.identification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The county's clock for tests that must let a public notice or a deadline pass: it moves only when told. */
public final class MovableClock extends Clock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = Instant.now();

    /** Replaces the platform's clock in a test's context. */
    @TestConfiguration
    public static class Configuration {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
