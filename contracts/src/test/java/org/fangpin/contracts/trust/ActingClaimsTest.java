package org.fangpin.contracts.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActingClaimsTest {

    @ParameterizedTest
    @ValueSource(strings = {"15", "1507", "150724", "150724213", "150724213201"})
    void realDivisionCodesOfEveryLevelAreRegions(String region) {
        assertThat(ActingClaims.refusal(List.of("COUNTY_APPROVER"), region)).isEmpty();
        assertThat(ActingClaims.prefix(region)).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "150", "15072", "1507242", "%%%%%%", "______", "15072_", "150724%", "１５０７２４",
            "15072421320", "1507242132011", " 150724", "150724\n"})
    void anythingElseIsRefusedBeforeItCanWidenAPrefix(String region) {
        assertThat(ActingClaims.refusal(List.of("COUNTY_APPROVER"), region))
                .contains(ActingClaims.REGION_CLAIM_INVALID);
    }

    @Test
    void aMissingOrNonTextRegionIsRefused() {
        assertThat(ActingClaims.refusal(List.of("SUPERVISOR"), null)).contains(ActingClaims.REGION_CLAIM_INVALID);
        assertThat(ActingClaims.refusal(List.of("SUPERVISOR"), 150724)).contains(ActingClaims.REGION_CLAIM_INVALID);
        assertThat(ActingClaims.refusal(List.of("SUPERVISOR"), List.of("150724")))
                .contains(ActingClaims.REGION_CLAIM_INVALID);
    }

    @Test
    void theNationalScopeIsForThoseWhoOverseeOrAdministerOnly() {
        for (String role : List.of("SUPERVISOR", "INSPECTOR", "ADMIN")) {
            assertThat(ActingClaims.refusal(List.of(role), "00")).as(role).isEmpty();
        }
        for (String role : List.of("VILLAGE_OFFICER", "TOWNSHIP_REVIEWER", "COUNTY_APPROVER", "DEPARTMENT_OFFICER")) {
            assertThat(ActingClaims.refusal(List.of(role), "00")).as(role)
                    .contains(ActingClaims.REGION_CLAIM_INVALID);
        }
        assertThat(ActingClaims.prefix("00")).isEmpty();
    }

    @Test
    void aTokenActsInExactlyOneRole() {
        assertThat(ActingClaims.role(List.of("offline_access", "VILLAGE_OFFICER", "default-roles-fangpin")))
                .contains("VILLAGE_OFFICER");
        assertThat(ActingClaims.refusal(List.of("VILLAGE_OFFICER", "ADMIN"), "150724213201"))
                .contains(ActingClaims.ROLE_CLAIM_INVALID);
        assertThat(ActingClaims.refusal(List.of("offline_access"), "150724"))
                .contains(ActingClaims.ROLE_CLAIM_INVALID);
        assertThat(ActingClaims.refusal(null, "150724")).contains(ActingClaims.ROLE_CLAIM_INVALID);
        assertThat(ActingClaims.refusal(List.of("SYSTEM"), "150724")).contains(ActingClaims.ROLE_CLAIM_INVALID);
    }
}
