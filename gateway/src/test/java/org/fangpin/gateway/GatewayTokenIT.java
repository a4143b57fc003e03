package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.ForgingTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.RedisServer;

/**
 * RFC 8725 at the edge: only tokens signed with the issuer's asymmetric keys (RS256, ES256) and carrying the right
 * issuer, audience and an expiry pass; {@code alg=none}, HMAC and tokens missing a required claim are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTokenIT {

    private static final ForgingTokenIssuer ISSUER = new ForgingTokenIssuer();
    private static final GatewayTrust TRUST = GatewayTrust.withNewSecret();
    private static final StandInService SERVICE = new StandInService("identification", TRUST.secret());
    private static final RedisServer REDIS = RedisServer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
        registry.add("FANGPIN_IDENTIFICATION_URL", SERVICE::url);
        registry.add("fangpin.gateway.secret", TRUST::secret);
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        SERVICE.close();
        REDIS.close();
    }

    @Test
    void tokensSignedWithTheIssuersRsaOrEcKeyPass() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims))).isEqualTo(200);
        assertThat(status(ISSUER.signed(JWSAlgorithm.ES256, claims -> claims))).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(status(ISSUER.unsigned())).isEqualTo(401);
    }

    @Test
    void anHmacTokenIsRefusedEvenWithAKnownKeyId() {
        assertThat(status(ISSUER.hmac())).isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.expirationTime(null)))).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.audience("another-system"))))
                .isEqualTo(401);
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.audience((String) null))))
                .isEqualTo(401);
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.issuer("http://127.0.0.1:1"))))
                .isEqualTo(401);
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.issuer(null)))).isEqualTo(401);
    }

    private int status(String token) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri("/api/households/h-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
