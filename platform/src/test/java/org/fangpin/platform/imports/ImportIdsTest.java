package org.fangpin.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.fangpin.platform.web.RuleViolation;

class ImportIdsTest {

    private static final String HEAD = "15072419780312021x";

    @Test
    void theSameHeadGetsTheSameIdUnderTheSameKeyInEveryService() {
        assertThat(new ImportIds("county-key").household(HEAD))
                .isEqualTo(new ImportIds("county-key").household(" 15072419780312021X "));
        assertThat(UUID.fromString(new ImportIds("county-key").household(HEAD)).version()).isEqualTo(8);
    }

    /** An id anyone could compute from an ID number would let anyone who reads it try every ID number. */
    @Test
    void withoutTheKeyTheIdCannotBeComputedFromTheIdNumber() {
        String keyed = new ImportIds("county-key").household(HEAD);

        assertThat(keyed).isNotEqualTo(new ImportIds("another-key").household(HEAD))
                .isNotEqualTo(UUID.nameUUIDFromBytes(("import-household:15072419780312021X")
                        .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void noIdIsMadeWithoutAKey() {
        assertThatThrownBy(() -> new ImportIds("").household(HEAD)).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "IMPORT_KEY_MISSING");
    }
}
