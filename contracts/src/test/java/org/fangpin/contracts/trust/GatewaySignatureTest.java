package org.fangpin.contracts.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.trust.GatewaySignature.Verdict;

class GatewaySignatureTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final String PATH = "/api/households/4f1c?kind=monitoring";
    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln";
    private static final String REQUEST = "6f1d2c3b-0a9e-4d8c-b7a6-5f4e3d2c1b0a";
    private static final String BODY = GatewaySignature.digest(
            "{\"perCapitaNetIncome\":7200.00}".getBytes(StandardCharsets.UTF_8));

    private final GatewaySignature gateway = new GatewaySignature("a-shared-secret-of-at-least-32-bytes!");

    @Test
    void aSignatureOfTheSameRequestTokenAndBodyWithinAMinuteIsValid() {
        String header = gateway.sign(NOW, REQUEST, "POST", PATH, TOKEN, BODY);

        assertThat(gateway.verify(header, NOW.plusSeconds(59), "POST", PATH, TOKEN, BODY)).isEqualTo(Verdict.VALID);
        assertThat(gateway.verify(header, NOW.minusSeconds(59), "POST", PATH, TOKEN, BODY)).isEqualTo(Verdict.VALID);
        assertThat(GatewaySignature.parse(header)).get().extracting(GatewaySignature.Received::requestId)
                .isEqualTo(REQUEST);
    }

    @Test
    void aSignatureMovedToAnotherPathQueryMethodTokenOrBodyIsForged() {
        String header = gateway.sign(NOW, REQUEST, "POST", PATH, TOKEN, BODY);
        String otherBody = GatewaySignature.digest("{\"perCapitaNetIncome\":9200.00}".getBytes(StandardCharsets.UTF_8));

        assertThat(gateway.verify(header, NOW, "POST", "/api/households/5a2d?kind=monitoring", TOKEN, BODY))
                .isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "POST", "/api/households/4f1c?kind=assistance", TOKEN, BODY))
                .isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "PUT", PATH, TOKEN, BODY)).isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "POST", PATH, "Bearer another", BODY)).isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "POST", PATH, TOKEN, otherBody)).isEqualTo(Verdict.FORGED);
        assertThat(gateway.verify(header, NOW, "POST", PATH, TOKEN, GatewaySignature.UNSIGNED_PAYLOAD))
                .isEqualTo(Verdict.FORGED);
    }

    @Test
    void anotherRequestIdCannotBeSwappedIn() {
        String header = gateway.sign(NOW, REQUEST, "POST", PATH, TOKEN, BODY);
        String swapped = header.replace(REQUEST, "00000000-0000-0000-0000-000000000000");

        assertThat(gateway.verify(swapped, NOW, "POST", PATH, TOKEN, BODY)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void aStreamedBodySaysSoAndCannotPassForADigestedOne() {
        String streamed = gateway.sign(NOW, REQUEST, "POST", PATH, TOKEN, GatewaySignature.UNSIGNED_PAYLOAD);

        assertThat(GatewaySignature.parse(streamed)).get().extracting(GatewaySignature.Received::streamed)
                .isEqualTo(true);
        assertThat(gateway.verify(streamed, NOW, "POST", PATH, TOKEN, GatewaySignature.UNSIGNED_PAYLOAD))
                .isEqualTo(Verdict.VALID);
        assertThat(gateway.verify(streamed.replace(",p=u,", ",p=b,"), NOW, "POST", PATH, TOKEN, BODY))
                .isEqualTo(Verdict.FORGED);
    }

    @Test
    void aSignatureUnderAnotherSecretIsForged() {
        String header = new GatewaySignature("not-the-gateway-secret-but-as-long-as-it")
                .sign(NOW, REQUEST, "GET", PATH, TOKEN, BODY);

        assertThat(gateway.verify(header, NOW, "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void aSignatureMoreThanAMinuteFromTheVerifiersClockIsStale() {
        String header = gateway.sign(NOW, REQUEST, "GET", PATH, TOKEN, BODY);

        assertThat(gateway.verify(header, NOW.plusSeconds(61), "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.STALE);
        assertThat(gateway.verify(header, NOW.minusSeconds(61), "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.STALE);
    }

    @Test
    void noHeaderIsMissingAndAnythingElseIsMalformed() {
        assertThat(gateway.verify(null, NOW, "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(gateway.verify("", NOW, "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(gateway.verify("t=1,s=abc", NOW, "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(gateway.verify("gateway", NOW, "GET", PATH, TOKEN, BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new GatewaySignature("secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FANGPIN_GATEWAY_SECRET");
    }
}
