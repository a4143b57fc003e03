package org.fangpin.timeline.web;

import java.util.EnumSet;
import java.util.Set;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.security.Jurisdiction;

/**
 * Who reads the timeline service: every role that works on households or oversees the work, within its region.
 * A department officer shares its department's data and reads its batches only, not households' histories.
 */
final class Readers {

    static final String ROLES =
            "hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')";

    /** The roles that verify and decide on households and so need their ID numbers in full. */
    private static final Set<Role> SEE_ID_NUMBERS =
            EnumSet.of(Role.VILLAGE_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_APPROVER);

    static final String REGION = "\\d{6}|\\d{9}|\\d{12}";

    private Readers() {
    }

    /** The region asked for, or the caller's own; refused unless within the caller's jurisdiction. */
    static String region(String asked) {
        String region = asked != null ? asked : RequestContext.requireActor().region();
        Jurisdiction.requireWithin(region);
        return region;
    }

    static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        return SEE_ID_NUMBERS.contains(RequestContext.requireActor().role()) ? idNumber : IdNumber.mask(idNumber);
    }
}
