package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * RFC 8725 at the edge: only tokens signed with the issuer's asymmetric keys (RS256, ES256) and carrying the right
 * issuer, audience and an expiry pass; {@code alg=none}, HMAC and tokens missing a required claim are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTokenIT {

    private static final Forge ISSUER = new Forge();
    private static final HttpServer SERVICE = echo();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER.issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> ISSUER.issuer + "/jwks.json");
        registry.add("FANGPIN_IDENTIFICATION_URL", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        ISSUER.server.stop(0);
        SERVICE.stop(0);
    }

    @Test
    void tokensSignedWithTheIssuersRsaOrEcKeyPass() {
        assertThat(status(ISSUER.signed(JWSAlgorithm.RS256, claims -> claims))).isEqualTo(200);
        assertThat(status(ISSUER.signed(JWSAlgorithm.ES256, claims -> claims))).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(status(new PlainJWT(ISSUER.claims().build()).serialize())).isEqualTo(401);
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

    private static HttpServer echo() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An issuer with an RSA and an EC key in its JWKS that can also sign what a real issuer never would. */
    private static final class Forge {
        private final RSAKey rsa;
        private final ECKey ec;
        private final HttpServer server;
        private final String issuer;

        Forge() {
            try {
                rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
                ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (JOSEException | IOException e) {
                throw new IllegalStateException(e);
            }
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        }

        JWTClaimsSet.Builder claims() {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().issuer(issuer).audience("fangpin").subject("u-7")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                    .claim("name", "包银花").claim("roles", List.of("VILLAGE_OFFICER")).claim("region", "150724213201");
        }

        String signed(JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change) {
            try {
                boolean ecdsa = JWSAlgorithm.Family.EC.contains(algorithm);
                JWSSigner signer = ecdsa ? new ECDSASigner(ec) : new RSASSASigner(rsa);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm)
                        .keyID(ecdsa ? ec.getKeyID() : rsa.getKeyID()).build(), change.apply(claims()).build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** HS256 with the RSA key's id: the classic confusion of a verifier that trusts the token's alg. */
        String hmac() {
            try {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build(),
                        claims().build());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
