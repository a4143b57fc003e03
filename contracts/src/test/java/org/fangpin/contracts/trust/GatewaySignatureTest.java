package org.fangpin.contracts.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.trust.GatewaySignature.Verdict;

class GatewaySignatureTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final String PATH = "/api/households/4f1c?kind=monitoring";
    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln";

    private final GatewaySignature gateway = new GatewaySignature("a-shared-secret-of-at-least-32-bytes!");

    @Test
    void aSignatureOfTheSameRequestAndTokenWithinAMinuteIsValid() {
        String header = gateway.sign(NOW, "GET", PATH, TOKEN);

        assertThat(gateway.verify(header, NOW.plusSeconds(59), "GET", PATH, TOKEN)).isEqualTo(Verdict.VALID);
        assertThat(gateway.verify(header, NOW.minusSeconds(59), "GET", PATH, TOKEN)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSignatureMovedToAnotherPathQueryMethodOrTokenIsForged() {
        String header = gateway.sign(NOW, "GET", PATH, TOKEN);

        assertThat(gateway.verify(header, NOW, "GET", "/api/households/5a2d?kind=monitoring", TOKEN))
                .isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "GET", "/api/households/4f1c?kind=assistance", TOKEN))
                .isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "POST", PATH, TOKEN)).isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "GET", PATH, "Bearer another")).isEqualTo(Verdict.FORGED);
    }

    @Test
    void aSignatureUnderAnotherSecretIsForged() {
        String header = new GatewaySignature("not-the-gateway-secret-but-as-long-as-it").sign(NOW, "GET", PATH, TOKEN);

        assertThat(gateway.verify(header, NOW, "GET", PATH, TOKEN)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void aSignatureMoreThanAMinuteFromTheVerifiersClockIsStale() {
        String header = gateway.sign(NOW, "GET", PATH, TOKEN);

        assertThat(gateway.verify(header, NOW.plusSeconds(61), "GET", PATH, TOKEN)).isEqualTo(Verdict.STALE);
        assertThat(gateway.verify(header, NOW.minusSeconds(61), "GET", PATH, TOKEN)).isEqualTo(Verdict.STALE);
    }

    @Test
    void noHeaderIsMissingAndAnythingElseIsMalformed() {
        assertThat(gateway.verify(null, NOW, "GET", PATH, TOKEN)).isEqualTo(Verdict.MISSING);
        assertThat(gateway.verify("", NOW, "GET", PATH, TOKEN)).isEqualTo(Verdict.MISSING);
        assertThat(gateway.verify("t=1,s=abc", NOW, "GET", PATH, TOKEN)).isEqualTo(Verdict.MALFORMED);
        assertThat(gateway.verify("gateway", NOW, "GET", PATH, TOKEN)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new GatewaySignature("secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FANGPIN_GATEWAY_SECRET");
    }
}
