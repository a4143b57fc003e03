package org.fangpin.platform.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The id an imported household gets, derived from its head's ID number: the same file imported again finds the same
 * household, and a service's own import (its file naming households by the head's ID number only) finds a household
 * registered by the identification import without reading personal data (docs/decisions/0035).
 */
public final class ImportIds {

    private ImportIds() {
    }

    public static String household(String headIdNumber) {
        return UUID.nameUUIDFromBytes(("import-household:" + headIdNumber.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
