package org.fangpin.testsupport;

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

/**
 * An issuer for testing token validation (RFC 8725): serves a JWKS with an RSA and an EC key and forges tokens
 * that are valid, or invalid in one chosen way (wrong algorithm, missing or wrong claims, no signature).
 */
public final class ForgingTokenIssuer implements AutoCloseable {

    private final RSAKey rsa;
    private final ECKey ec;
    private final HttpServer server;
    private final String issuer;

    public ForgingTokenIssuer() {
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

    /** Claims of a valid access token of this issuer: iss, aud fangpin, sub, iat, exp in 10 minutes, roles, region. */
    public JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("fangpin").subject("u-7")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("name", "包银花").claim("roles", List.of("VILLAGE_OFFICER")).claim("region", "150724213201");
    }

    /** A token signed with the issuer's RSA (RS256) or EC (ES256) key, its claims changed as given. */
    public String signed(JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change) {
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
    public String hmac() {
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

    /** An unsigned token ({@code alg=none}) with valid claims. */
    public String unsigned() {
        return new PlainJWT(claims().build()).serialize();
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/jwks.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
