package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 风险消除回退 — the county approved undoing an elimination; the case is open again with its history.
 *
 * @param rolledBackOn   the day the county approved the rollback (the business date)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskRolledBack(String householdId, String regionCode, String reason, LocalDate rolledBackOn,
                             String backdatingNote) implements HouseholdEvent {

    /** The rollback as published before its note existed. */
    public RiskRolledBack(String householdId, String regionCode, String reason, LocalDate rolledBackOn) {
        this(householdId, regionCode, reason, rolledBackOn, null);
    }
}
