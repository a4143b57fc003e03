package org.fangpin.gateway;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-user rate limit ({@code fangpin.gateway.rate-limit}): sustained requests a second and the burst allowed
 * above it, kept in Redis ({@code FANGPIN_REDIS_URL}) by Spring Cloud Gateway's {@link RedisRateLimiter}, so that
 * every gateway replica draws on the same bucket (ADR 0043).
 */
@ConfigurationProperties("fangpin.gateway.rate-limit")
record RateLimits(int perSecond, int burst) {

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        RedisRateLimiter perUserRateLimiter(RateLimits limits) {
            return new RedisRateLimiter(limits.perSecond(), limits.burst());
        }

        /** While Redis is unreachable a check fails at once (and the request goes on) instead of waiting in a queue. */
        @Bean
        LettuceClientConfigurationBuilderCustomizer failFastWhileRedisIsDown() {
            return builder -> builder.clientOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        }
    }
}
