package org.fangpin.testsupport;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * The gateway's side of the trust chain for tests and benchmarks: a fresh shared secret to hand to the gateway and
 * the services ({@code FANGPIN_GATEWAY_SECRET}), and the signature header the gateway would add, for a request sent
 * to a service directly.
 * <pre>{@code GatewayTrust trust = GatewayTrust.withNewSecret();
 * request.header(GatewayTrust.HEADER, trust.signature("GET", uri, "Bearer " + token));}</pre>
 */
public final class GatewayTrust {

    public static final String HEADER = GatewaySignature.HEADER;
    public static final String ENVIRONMENT_VARIABLE = "FANGPIN_GATEWAY_SECRET";

    private final String secret;
    private final GatewaySignature signature;

    private GatewayTrust(String secret) {
        this.secret = secret;
        this.signature = new GatewaySignature(secret);
    }

    public static GatewayTrust withNewSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new GatewayTrust(Base64.getEncoder().encodeToString(bytes));
    }

    public String secret() {
        return secret;
    }

    /** The header value the gateway would send with this request now; {@code authorization} may be null. */
    public String signature(String method, URI uri, String authorization) {
        return signature(Instant.now(), method, uri, authorization);
    }

    public String signature(Instant at, String method, URI uri, String authorization) {
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        return signature.sign(at, method, pathAndQuery, authorization);
    }
}
