package org.fangpin.testsupport;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * The gateway's side of the trust chain for tests and benchmarks: a fresh shared secret to hand to the gateway and
 * the services ({@code FANGPIN_GATEWAY_SECRET}), and the signature header the gateway would add, for a request sent
 * to a service directly.
 * <pre>{@code GatewayTrust trust = GatewayTrust.withNewSecret();
 * request.header(GatewayTrust.HEADER, trust.signature("GET", uri, "Bearer " + token));
 * request.header(GatewayTrust.HEADER, trust.signature("POST", uri, "Bearer " + token, body));}</pre>
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

    /** The header value the gateway would send now with this request without a body; {@code authorization} may be null. */
    public String signature(String method, URI uri, String authorization) {
        return signature(method, uri, authorization, new byte[0]);
    }

    /** The header value the gateway would send now with this request and body, under a request id of its own. */
    public String signature(String method, URI uri, String authorization, byte[] body) {
        return signature(Instant.now(), UUID.randomUUID().toString(), method, uri, authorization,
                GatewaySignature.digest(body));
    }

    /** The header value of a body the gateway streams to a path that takes files, unsigned. */
    public String streamedSignature(String method, URI uri, String authorization) {
        return signature(Instant.now(), UUID.randomUUID().toString(), method, uri, authorization,
                GatewaySignature.UNSIGNED_PAYLOAD);
    }

    public String signature(Instant at, String requestId, String method, URI uri, String authorization,
                            String bodyDigest) {
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        return signature.sign(at, requestId, method, pathAndQuery, authorization, bodyDigest);
    }
}
