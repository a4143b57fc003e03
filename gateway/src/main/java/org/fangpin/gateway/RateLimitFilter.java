package org.fangpin.gateway;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each user (the token's {@code sub}) to a sustained rate of requests with a burst allowance, with one token
 * bucket per user in Redis shared by every gateway replica ({@link RateLimits}, ADR 0043). Beyond it the request is
 * refused with 429 problem+json and {@code Retry-After} before it reaches a service.
 * <p>
 * While Redis cannot be reached, Spring Cloud Gateway's limiter lets every request through: the gateway keeps
 * serving unlimited, counts each such request ({@code fangpin.gateway.rate.limit{outcome="unchecked"}}) and warns.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /** The limit is the same on every route: one configuration, looked up under this name. */
    private static final String PER_USER = "per-user";

    private final RedisRateLimiter limiter;
    private final String retryAfter;
    private final MeterRegistry meters;
    private volatile boolean unchecked;

    RateLimitFilter(RedisRateLimiter limiter, RateLimits limits, MeterRegistry meters) {
        this.limiter = limiter;
        // one request's token is back within this many seconds
        this.retryAfter = String.valueOf(Math.max(1, (int) Math.ceil(1.0 / limits.perSecond())));
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .flatMap(principal -> limiter.isAllowed(PER_USER,
                        ((JwtAuthenticationToken) principal).getToken().getSubject()))
                .map(this::counted)
                .defaultIfEmpty(new RateLimiter.Response(true, Map.of()))
                .flatMap(response -> {
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
                    // refused here: the request goes no further
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "请求过于频繁，请稍后再试。", "Too many requests; please try again shortly.");
                });
    }

    private RateLimiter.Response counted(RateLimiter.Response response) {
        // the limiter's answer when Redis failed: allowed, with -1 tokens remaining
        boolean failed = "-1".equals(response.getHeaders().get(limiter.getRemainingHeader()));
        String outcome = failed ? "unchecked" : response.isAllowed() ? "allowed" : "refused";
        meters.counter("fangpin.gateway.rate.limit", "outcome", outcome).increment();
        if (failed != unchecked) {
            unchecked = failed;
            if (failed) {
                log.warn("rate limit not checked: Redis cannot be reached; requests go on unlimited until it is back");
            } else {
                log.info("rate limit checked again: Redis is back");
            }
        }
        return response;
    }

    @Override
    public int getOrder() {
        // after the correlation id, so a refusal carries one too
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
