package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 风险回退乡镇审核 — the township agreed with the rollback proposal; the county approves next.
 *
 * @param verifiedOn     the day the township agreed (the business date)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskRollbackVerified(String householdId, String regionCode, LocalDate verifiedOn,
                                   String backdatingNote) implements HouseholdEvent {

    /** The verification as published before its note existed. */
    public RiskRollbackVerified(String householdId, String regionCode, LocalDate verifiedOn) {
        this(householdId, regionCode, verifiedOn, null);
    }
}
