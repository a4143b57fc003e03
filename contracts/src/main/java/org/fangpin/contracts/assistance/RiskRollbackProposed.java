package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 风险回退申请 — look-back (回头看) found the elimination unstable; the village proposes a rollback.
 *
 * @param proposedOn     the day the village proposed (the business date)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskRollbackProposed(String householdId, String regionCode, String reason, LocalDate proposedOn,
                                   String backdatingNote) implements HouseholdEvent {

    /** The proposal as published before its note existed. */
    public RiskRollbackProposed(String householdId, String regionCode, String reason, LocalDate proposedOn) {
        this(householdId, regionCode, reason, proposedOn, null);
    }
}
