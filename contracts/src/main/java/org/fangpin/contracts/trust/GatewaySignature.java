package org.fangpin.contracts.trust;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's mark on every request it routes, by which a service knows the request came through the gateway
 * (its token checked, its rate limited): an HMAC-SHA256, under a secret only the gateway and the services share,
 * over the time of signing, the method, the raw path with query, and a hash of the {@code Authorization} header.
 * The header reads {@code t=<epoch seconds>,s=<base64url HMAC>}.
 * <p>
 * A signature is bound to its request and token, so it cannot be moved to another path or user, and it is valid
 * for {@link #MAX_SKEW} either side of the verifier's clock, so a captured one soon becomes useless.
 */
public final class GatewaySignature {

    public static final String HEADER = "X-Fangpin-Gateway-Signature";
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);
    /** 32 bytes: the HMAC-SHA256 key length RFC 2104 recommends at least. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,12}),s=([A-Za-z0-9_-]{43})");

    /** What a verifier concludes about a request's signature header. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, FORGED
    }

    private final SecretKeySpec key;

    /** @param secret the shared secret, at least {@value #MIN_SECRET_BYTES} bytes */
    public GatewaySignature(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the gateway secret (FANGPIN_GATEWAY_SECRET) must have at least "
                    + MIN_SECRET_BYTES + " bytes, e.g. from `openssl rand -base64 32`");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * The header value for a request.
     *
     * @param pathAndQuery  the raw (still percent-encoded) path, with {@code ?} and the raw query if there is one
     * @param authorization the {@code Authorization} header as sent, or null
     */
    public String sign(Instant at, String method, String pathAndQuery, String authorization) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",s=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(seconds, method, pathAndQuery, authorization));
    }

    /** Checks a received header against the request as the service sees it, at the service's time {@code now}. */
    public Verdict verify(String header, Instant now, String method, String pathAndQuery, String authorization) {
        if (header == null || header.isEmpty()) {
            return Verdict.MISSING;
        }
        Matcher parts = FORMAT.matcher(header);
        if (!parts.matches()) {
            return Verdict.MALFORMED;
        }
        long seconds = Long.parseLong(parts.group(1));
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] given = Base64.getUrlDecoder().decode(parts.group(2));
        return MessageDigest.isEqual(given, mac(seconds, method, pathAndQuery, authorization))
                ? Verdict.VALID : Verdict.FORGED;
    }

    private byte[] mac(long seconds, String method, String pathAndQuery, String authorization) {
        String signed = seconds + "\n" + method + "\n" + pathAndQuery + "\n" + tokenHash(authorization);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String tokenHash(String authorization) {
        if (authorization == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
