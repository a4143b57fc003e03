package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket: a burst, then the sustained rate, per user. */
class RateLimitFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimitFilter limits = new RateLimitFilter(3, 2, now::get);

    @Test
    void aUserMayBurstThenWaitsForTheBucketToRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("u-7")).isZero();
        }
        assertThat(limits.take("u-7")).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limits.take("u-7")).isZero();
        assertThat(limits.take("u-7")).isPositive();
    }

    @Test
    void oneUsersBurstDoesNotLimitAnother() {
        for (int i = 0; i < 3; i++) {
            limits.take("u-7");
        }
        assertThat(limits.take("u-8")).isZero();
    }
}
