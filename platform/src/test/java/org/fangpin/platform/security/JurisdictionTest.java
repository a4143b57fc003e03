package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.web.RuleViolation;

class JurisdictionTest {

    private static final String ID_NUMBER = "150724197803120211";

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VILLAGE_OFFICER", "TOWNSHIP_REVIEWER", "COUNTY_APPROVER"})
    void theRolesThatVerifyAndDecideSeeIdNumbersInFull(Role role) {
        assertThat(shownTo(role)).isEqualTo(ID_NUMBER);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DEPARTMENT_OFFICER", "SUPERVISOR", "INSPECTOR", "ADMIN"})
    void everyOtherRoleSeesThemMasked(Role role) {
        assertThat(shownTo(role)).isEqualTo("150724***********1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "150724", "150724213", "150724213201"})
    void aTownshipOfficerReachesItsOwnLineUpAndDown(String region) {
        assertThatCode(() -> asTownship(() -> Jurisdiction.requireAboveOrWithin(region))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150725", "150724101", "150724101001", "16"})
    void aTownshipOfficerDoesNotReachAnotherLine(String region) {
        assertThatThrownBy(() -> asTownship(() -> Jurisdiction.requireAboveOrWithin(region)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("OUT_OF_JURISDICTION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"150724213201", "110105001001", "15", ""})
    void aNationalScopeReachesEveryRegion(String region) {
        assertThatCode(() -> RequestContext.runAs(new Actor("u-3", "国家督查", Role.SUPERVISOR, "00"), "c-3", () -> {
            Jurisdiction.requireWithin(region);
            return null;
        })).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "", "0"})
    void aCountyDoesNotReachTheNationByClaimingItsCode(String region) {
        assertThatThrownBy(() -> RequestContext.runAs(new Actor("u-4", "苏德胜", Role.COUNTY_APPROVER, "150724"),
                "c-4", () -> {
                    Jurisdiction.requireWithin(region);
                    return null;
                })).isInstanceOf(RuleViolation.class).hasMessageContaining("OUT_OF_JURISDICTION");
    }

    private static void asTownship(Runnable check) {
        RequestContext.runAs(new Actor("u-2", "巴图", Role.TOWNSHIP_REVIEWER, "150724213"), "c-2", () -> {
            check.run();
            return null;
        });
    }

    private static String shownTo(Role role) {
        return RequestContext.runAs(new Actor("u-1", "包银花", role, "150724"), "c-1",
                () -> Jurisdiction.idNumber(ID_NUMBER));
    }
}
