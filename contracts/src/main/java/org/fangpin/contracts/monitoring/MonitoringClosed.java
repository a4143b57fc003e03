package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ClosureReason;

/**
 * 终止监测 — the county closed the household's dynamic monitoring, with its judgement.
 *
 * @param closedOn       the day the county decided the closure (the business date)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record MonitoringClosed(String householdId, String regionCode, ClosureReason reason, String judgement,
                               LocalDate closedOn, String backdatingNote) implements HouseholdEvent {

    /** The closure as published before its note existed. */
    public MonitoringClosed(String householdId, String regionCode, ClosureReason reason, String judgement,
                            LocalDate closedOn) {
        this(householdId, regionCode, reason, judgement, closedOn, null);
    }
}
