package org.fangpin.contracts.trust;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token must say about the person acting before anything is routed or decided on it, checked alike by the
 * gateway and by every service: exactly one Fangpin role, so that what a request may do, how it is audited and what
 * it is shown all follow from the same role; and a region that is a real statistical division code (2 digits a
 * province, 4 a prefecture, 6 a county, 9 a township, 12 a village) or {@value #NATIONAL} for a national read-only
 * or administrative scope. A region goes into prefix comparisons and SQL patterns: anything else would widen them.
 */
public final class ActingClaims {

    /** The region claim of a national scope, allowed to the roles that oversee or administer only. */
    public static final String NATIONAL = "00";
    /** Problem codes, each answered with 401. */
    public static final String ROLE_CLAIM_INVALID = "ROLE_CLAIM_INVALID";
    public static final String REGION_CLAIM_INVALID = "REGION_CLAIM_INVALID";

    private static final Set<String> ROLES = Set.of("VILLAGE_OFFICER", "TOWNSHIP_REVIEWER", "COUNTY_APPROVER",
            "DEPARTMENT_OFFICER", "SUPERVISOR", "INSPECTOR", "ADMIN");
    private static final Set<String> NATIONAL_ROLES = Set.of("SUPERVISOR", "INSPECTOR", "ADMIN");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

    private ActingClaims() {
    }

    /** The one Fangpin role among a token's roles (others, such as an identity provider's own, are ignored). */
    public static Optional<String> role(List<String> roles) {
        if (roles == null) {
            return Optional.empty();
        }
        List<String> known = roles.stream().filter(ROLES::contains).distinct().toList();
        return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
    }

    /** Why a token's {@code roles} and {@code region} claims are refused, as a problem code; empty when they hold. */
    public static Optional<String> refusal(List<String> roles, Object region) {
        Optional<String> role = role(roles);
        if (role.isEmpty()) {
            return Optional.of(ROLE_CLAIM_INVALID);
        }
        if (!(region instanceof String code) || !DIVISION_CODE.matcher(code).matches()
                || (NATIONAL.equals(code) && !NATIONAL_ROLES.contains(role.get()))) {
            return Optional.of(REGION_CLAIM_INVALID);
        }
        return Optional.empty();
    }

    /** The prefix a valid region claim reaches: the code itself, or {@code ""} (everything) for the national scope. */
    public static String prefix(String region) {
        return NATIONAL.equals(region) ? "" : region;
    }
}
