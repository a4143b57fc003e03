package org.fangpin.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each user (the token's {@code sub}) to a sustained rate of requests with a burst allowance: a token bucket
 * per user. Beyond it the request is refused with 429 and {@code Retry-After} before it reaches a service.
 * <p>
 * The buckets live in this gateway's memory: right for one gateway node. With several nodes each enforces the
 * limit on its own share of the traffic, so a user gets up to n times the rate; a shared store (e.g. Redis with
 * Spring Cloud Gateway's RequestRateLimiter) is the step when the gateway is scaled out.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    /** Idle users' buckets are dropped beyond this many users, so the map cannot grow without bound. */
    private static final int MAX_TRACKED_USERS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perSecond;
    private final LongSupplier nanoTime;

    @Autowired
    RateLimitFilter(@Value("${fangpin.gateway.rate-limit.burst}") int burst,
                    @Value("${fangpin.gateway.rate-limit.per-second}") double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    RateLimitFilter(int burst, double perSecond, LongSupplier nanoTime) {
        this.capacity = burst;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(((JwtAuthenticationToken) principal).getToken().getSubject()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    Duration wait = user.map(this::take).orElse(Duration.ZERO);
                    if (wait.isZero()) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                            String.valueOf(Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0))));
                    // refused here: the request goes no further
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "请求过于频繁，请稍后再试。", "Too many requests; please try again shortly.");
                });
    }

    /** Takes one request from the user's bucket: zero when allowed, else how long until one is available. */
    Duration take(String user) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED_USERS) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(user, u -> new Bucket(now)).take(now);
    }

    @Override
    public int getOrder() {
        // after the correlation id, so a refusal carries one too
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private final class Bucket {
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
