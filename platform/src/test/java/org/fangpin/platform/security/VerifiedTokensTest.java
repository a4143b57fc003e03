package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once and then taken as verified until it expires, never a refused one. */
class VerifiedTokensTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final List<String> verifiedTokens = new ArrayList<>();

    /** Verifies by the token's text: "valid-<seconds to live>", anything else is refused. */
    private final JwtDecoder verifier = token -> {
        verifiedTokens.add(token);
        if (!token.startsWith("valid-")) {
            throw new BadJwtException("refused");
        }
        Instant issued = clock.instant();
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1").issuedAt(issued)
                .expiresAt(issued.plusSeconds(Long.parseLong(token.substring("valid-".length())))).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenIsVerifiedOnceWhileItLives() {
        Jwt first = tokens.decode("valid-600");
        clock.advance(Duration.ofSeconds(100));
        Jwt again = tokens.decode("valid-600");

        assertThat(again).isSameAs(first);
        assertThat(verifiedTokens).containsExactly("valid-600");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainNotTakenFromWhatWasKept() {
        tokens.decode("valid-60");
        clock.advance(Duration.ofSeconds(60));
        tokens.decode("valid-60");

        assertThat(verifiedTokens).containsExactly("valid-60", "valid-60");
    }

    @Test
    void aRefusedTokenIsRefusedEachTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedTokens).containsExactly("forged", "forged");
    }

    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
