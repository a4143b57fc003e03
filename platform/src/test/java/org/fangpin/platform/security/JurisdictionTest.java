package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;

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
        assertThat(shownTo(role)).isEqualTo("150724********0211");
    }

    private static String shownTo(Role role) {
        return RequestContext.runAs(new Actor("u-1", "包银花", role, "150724"), "c-1",
                () -> Jurisdiction.idNumber(ID_NUMBER));
    }
}
