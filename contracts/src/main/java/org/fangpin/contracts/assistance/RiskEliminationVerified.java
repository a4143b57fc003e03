package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 风险消除乡镇核实 — the township verified the village's proposal; the county decides next.
 *
 * @param verifiedOn     the day the township verified (the business date)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskEliminationVerified(String householdId, String regionCode, LocalDate verifiedOn,
                                      String backdatingNote) implements HouseholdEvent {

    /** The verification as published before its note existed. */
    public RiskEliminationVerified(String householdId, String regionCode, LocalDate verifiedOn) {
        this(householdId, regionCode, verifiedOn, null);
    }
}
