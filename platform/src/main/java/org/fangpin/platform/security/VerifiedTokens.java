package org.fangpin.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The service's JWT decoder, with each token it verified kept until the token expires, but no longer than the five
 * minutes the issuer's keys are kept (Nimbus's JWKS cache), so a withdrawn key is not trusted longer than before. A
 * cadre's screen sends the same token with every request; parsing it, checking its RSA signature and its claims took
 * an eighth of the gateway's CPU a request, and the same again in every service it reaches.
 * <p>
 * Keyed by the whole token, so only the very same bytes count as verified; a token that fails is not kept and is
 * checked again next time.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** As long as the issuer's keys are kept. */
    static final Duration LONGEST_KEPT = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 20_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** @param clock the clock Spring Security's own expiry check reads (the system's) */
    public VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MOST_TOKENS).expireAfter(untilExpiry(clock)).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** Until the token's expiry or for {@link #LONGEST_KEPT}, whichever is sooner. */
    private static Expiry<String, Jwt> untilExpiry(Clock clock) {
        return Expiry.creating((token, jwt) -> {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
            return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST_KEPT) < 0 ? left : LONGEST_KEPT;
        });
    }
}
