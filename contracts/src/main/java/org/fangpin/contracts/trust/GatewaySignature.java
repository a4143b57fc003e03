package org.fangpin.contracts.trust;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's mark on every request it routes, by which a service knows the request came through the gateway
 * (its token checked, its rate limited) unchanged: an HMAC-SHA256, under a secret only the gateway and the services
 * share, over the time of signing, a request id of its own, the method, the raw path with query, a hash of the
 * {@code Authorization} header and a digest of the body. The header reads
 * {@code t=<epoch seconds>,r=<request id>,p=<b|u>,s=<base64url HMAC>}.
 * <p>
 * A signature is bound to its request, token and body, so it cannot be moved to another path, user or body; it is
 * valid for {@link #MAX_SKEW} either side of the verifier's clock, and a service accepts a write's request id once
 * within that window, so a captured one cannot be sent again. A body streamed to a path that takes files is not
 * held by the gateway to be digested: its signature says so ({@code p=u}, {@link #UNSIGNED_PAYLOAD}, as AWS
 * Signature V4 does for streamed uploads), and a service accepts that only on such paths.
 */
public final class GatewaySignature {

    public static final String HEADER = "X-Fangpin-Gateway-Signature";
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);
    /** 32 bytes: the HMAC-SHA256 key length RFC 2104 recommends at least. */
    public static final int MIN_SECRET_BYTES = 32;
    /** What stands for the body's digest in the signature of a streamed body. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final String HMAC = "HmacSHA256";
    private static final Pattern FORMAT = Pattern.compile(
            "t=(\\d{1,12}),r=([A-Za-z0-9-]{1,64}),p=([bu]),s=([A-Za-z0-9_-]{43})");

    /** What a verifier concludes about a request's signature header. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, FORGED, REPLAYED
    }

    /**
     * A header as received, not yet verified.
     *
     * @param streamed whether the body was streamed unsigned ({@code p=u})
     */
    public record Received(long seconds, String requestId, boolean streamed, byte[] mac) {
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
     * @param bodyDigest    {@link #digest(byte[])} of the body as sent, or {@link #UNSIGNED_PAYLOAD} for a streamed one
     */
    public String sign(Instant at, String requestId, String method, String pathAndQuery, String authorization,
                       String bodyDigest) {
        long seconds = at.getEpochSecond();
        boolean streamed = UNSIGNED_PAYLOAD.equals(bodyDigest);
        return "t=" + seconds + ",r=" + requestId + ",p=" + (streamed ? "u" : "b") + ",s="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac(seconds, requestId, method, pathAndQuery, authorization, bodyDigest));
    }

    /** The header's parts, or empty when it is not a signature header at all. */
    public static Optional<Received> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher parts = FORMAT.matcher(header);
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Received(Long.parseLong(parts.group(1)), parts.group(2), "u".equals(parts.group(3)),
                Base64.getUrlDecoder().decode(parts.group(4))));
    }

    /**
     * Checks a received header against the request as the service sees it, at the service's time {@code now}: the
     * body's digest as the service computed it ({@link #UNSIGNED_PAYLOAD} where the header says the body was
     * streamed). Whether the request id was seen before is the service's to check.
     */
    public Verdict verify(String header, Instant now, String method, String pathAndQuery, String authorization,
                          String bodyDigest) {
        if (header == null || header.isEmpty()) {
            return Verdict.MISSING;
        }
        Optional<Received> parsed = parse(header);
        if (parsed.isEmpty()) {
            return Verdict.MALFORMED;
        }
        Received received = parsed.get();
        if (Math.abs(now.getEpochSecond() - received.seconds()) > MAX_SKEW.toSeconds()) {
            return Verdict.STALE;
        }
        return MessageDigest.isEqual(received.mac(), mac(received.seconds(), received.requestId(), method,
                pathAndQuery, authorization, bodyDigest)) ? Verdict.VALID : Verdict.FORGED;
    }

    /** The digest of a body the signature covers: base64url SHA-256 (an empty body has one too). */
    public static String digest(byte[] body) {
        return sha256(body);
    }

    private byte[] mac(long seconds, String requestId, String method, String pathAndQuery, String authorization,
                       String bodyDigest) {
        String signed = seconds + "\n" + requestId + "\n" + method + "\n" + pathAndQuery + "\n"
                + (authorization == null ? "" : sha256(authorization.getBytes(StandardCharsets.UTF_8))) + "\n"
                + bodyDigest;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
