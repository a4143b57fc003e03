package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.ForgingTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

/** Behind the gateway every service validates tokens the same way (RFC 8725), so a request around it gains nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class TokenValidationIT {

    private static final ForgingTokenIssuer ISSUER = new ForgingTokenIssuer();

    @LocalServerPort
    int port;
    @Autowired
    JwtDecoder decoder;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @Test
    void tokensSignedWithTheIssuersRsaOrEcKeyAreAccepted() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims))).isEqualTo(201);
        assertThat(status(ISSUER.signed(JWSAlgorithm.ES256, claims -> claims))).isEqualTo(201);
    }

    @Test
    void unsignedAndHmacTokensAreRefused() {
        assertThat(status(ISSUER.unsigned())).isEqualTo(401);
        assertThat(status(ISSUER.hmac())).isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiryOrForAnotherAudienceOrIssuerIsRefused() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.expirationTime(null)))).isEqualTo(401);
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.audience("another-system"))))
                .isEqualTo(401);
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.issuer("http://127.0.0.1:1"))))
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "15072", "%%%%%%", "______", "15072_", "150724%", "abcdef", "00"})
    void aRegionThatIsNotADivisionCodeOfTheRoleIsRefusedWithItsCode(String region) {
        Refusal refusal = refusal(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.claim("region", region)));

        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.body()).contains("\"code\":\"REGION_CLAIM_INVALID\"");
    }

    @Test
    void aTokenWithoutARegionOrWithARegionThatIsNotTextIsRefused() {
        assertThat(refusal(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.claim("region", null))).body())
                .contains("REGION_CLAIM_INVALID");
        assertThat(refusal(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims.claim("region", 150724))).body())
                .contains("REGION_CLAIM_INVALID");
    }

    @Test
    void aTokenActsInExactlyOneRole() {
        Refusal twoRoles = refusal(ISSUER.signed(JWSAlgorithm.RS256,
                claims -> claims.claim("roles", List.of("VILLAGE_OFFICER", "ADMIN"))));
        Refusal noKnownRole = refusal(ISSUER.signed(JWSAlgorithm.RS256,
                claims -> claims.claim("roles", List.of("offline_access"))));

        assertThat(twoRoles.status()).isEqualTo(401);
        assertThat(twoRoles.body()).contains("ROLE_CLAIM_INVALID");
        assertThat(noKnownRole.status()).isEqualTo(401);
        assertThat(noKnownRole.body()).contains("ROLE_CLAIM_INVALID");
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims
                .claim("roles", List.of("default-roles-fangpin", "VILLAGE_OFFICER", "offline_access")))))
                .isEqualTo(201);
    }

    @Test
    void aNationalScopeIsAcceptedForTheRolesThatOverseeOnly() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims
                .claim("roles", List.of("SUPERVISOR")).claim("region", "00")))).isNotEqualTo(401);
    }

    /** A token once verified is kept as verified (VerifiedTokens): only the very same token, not one like it. */
    @Test
    void aTokenWithTheClaimsOfAnAcceptedOneButAnotherSignatureIsRefused() {
        String accepted = ISSUER.signed(JWSAlgorithm.RS256, claims -> claims);
        String signature = accepted.substring(accepted.lastIndexOf('.') + 1);
        String forged = accepted.substring(0, accepted.lastIndexOf('.') + 1)
                + new StringBuilder(signature).reverse();
        String truncated = accepted.substring(0, accepted.length() - 4);

        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        assertThat(status(accepted)).isEqualTo(201);
        assertThat(status(forged)).isEqualTo(401);
        assertThat(status(truncated)).isEqualTo(401);
        assertThat(status(accepted)).isEqualTo(201);
    }

    private record Refusal(int status, String body) {
    }

    private int status(String token) {
        return refusal(token).status();
    }

    private Refusal refusal(String token) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/registrations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "娜仁"))
                .exchange((request, response) -> new Refusal(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)),
                        false);
    }
}
