package org.fangpin.gateway;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's JWT decoder, with each token it verified kept until the token expires, but no longer than the five
 * minutes the issuer's keys are kept (Nimbus's JWKS cache), so a withdrawn key is not trusted longer than before. A
 * cadre's screen sends the same token with every request; parsing it, checking its RSA signature and its claims took
 * an eighth of the gateway's CPU a request (a flight recording under the outside load, README).
 * <p>
 * Keyed by the whole token, so only the very same bytes count as verified; a token that fails is not kept and is
 * checked again next time.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    /** As long as the issuer's keys are kept. */
    static final Duration LONGEST_KEPT = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 20_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** @param clock the clock Spring Security's own expiry check reads (the system's) */
    VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MOST_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> {
                    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                    return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST_KEPT) < 0 ? left : LONGEST_KEPT;
                }))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
