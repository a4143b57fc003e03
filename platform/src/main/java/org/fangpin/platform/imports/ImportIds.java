package org.fangpin.platform.imports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fangpin.platform.web.RuleViolation;

/**
 * The id an imported household gets, derived from its head's ID number with a key (HMAC-SHA256 with
 * {@code FANGPIN_IMPORT_KEY}, the same in every service and never stored in a database): the same file imported
 * again finds the same household, and a service's own import (its file naming households by the head's ID number
 * only) finds a household registered by the identification import without reading personal data
 * (docs/decisions/0035). Without the key the id tells nothing of the ID number: an unkeyed hash of an ID number,
 * whose few billion values can all be tried, would give it away to anyone who reads a household id.
 */
public final class ImportIds {

    private final byte[] key;

    public ImportIds(String key) {
        this.key = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    }

    /** The household's id; refused while no key is configured, so that no import makes an id without one. */
    public String household(String headIdNumber) {
        if (key.length == 0) {
            throw RuleViolation.of("IMPORT_KEY_MISSING");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(("import-household:"
                    + headIdNumber.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
            // an RFC 9562 version 8 (custom) UUID from the first 128 bits of the keyed digest
            long most = (digest.getLong() & ~0xF000L) | 0x8000L;
            long least = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(most, least).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
