package org.fangpin.platform.security;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.web.RuleViolation;

/**
 * Object-level authorisation: a user acts only within the prefix of their region (county 6 digits, township 9,
 * village 12), read-only roles never write, and only the roles that need them see residents' ID numbers in full.
 * A system actor works on behalf of events and is not limited.
 */
public final class Jurisdiction {

    /**
     * The roles that read households' records ({@code @PreAuthorize}): everyone but a department officer, who shares
     * its department's data and reads its own batches only.
     */
    public static final String HOUSEHOLD_READERS = "hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', "
            + "'COUNTY_APPROVER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')";

    private Jurisdiction() {
    }

    public static boolean covers(Actor actor, String regionCode) {
        return actor.role() == Role.SYSTEM
                || (regionCode != null && !actor.region().isEmpty() && regionCode.startsWith(actor.regionPrefix()));
    }

    /**
     * The region a reader asked for, or the prefix of the caller's own region when none was asked for; refused
     * (403) when outside the caller's jurisdiction.
     */
    public static String regionAsked(String asked) {
        String region = asked != null ? asked : RequestContext.requireActor().regionPrefix();
        requireWithin(region);
        return region;
    }

    /** Refuses with 403 {@code OUT_OF_JURISDICTION} unless the current actor may see this region. */
    public static void requireWithin(String regionCode) {
        Actor actor = RequestContext.requireActor();
        if (!covers(actor, regionCode)) {
            throw RuleViolation.forbidden("OUT_OF_JURISDICTION", regionCode, actor.region());
        }
    }

    /**
     * Refuses with 403 {@code OUT_OF_JURISDICTION} unless the region lies within the current actor's or contains it:
     * what applies to a village is set for its township, county, province or the nation ({@code ""}).
     */
    public static void requireAboveOrWithin(String regionPrefix) {
        Actor actor = RequestContext.requireActor();
        if (!covers(actor, regionPrefix) && !actor.regionPrefix().startsWith(regionPrefix)) {
            throw RuleViolation.forbidden("OUT_OF_JURISDICTION", regionPrefix, actor.region());
        }
    }

    /** Refuses with 403 unless the current actor may change records of this region. */
    public static void requireWritableWithin(String regionCode) {
        Actor actor = RequestContext.requireActor();
        if (actor.role().isReadOnly()) {
            throw RuleViolation.forbidden("READ_ONLY_ROLE", actor.role());
        }
        requireWithin(regionCode);
    }

    /** Whether the current actor sees residents' ID numbers in full ({@link Role#seesIdNumbers()}). */
    public static boolean seesIdNumbers() {
        return RequestContext.requireActor().role().seesIdNumbers();
    }

    /** An ID number as the current actor may see it: in full, or masked ({@code 150724***********1}). */
    public static String idNumber(String idNumber) {
        return idNumber == null || seesIdNumbers() ? idNumber : IdNumber.mask(idNumber);
    }
}
