package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 风险消除村级申请 — the village proposed eliminating the household's risk; the criteria held on this evidence.
 *
 * @param proposedOn     the day the village proposed (the business date; the event's time is when it was recorded)
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskEliminationProposed(String householdId, String regionCode, EliminationEvidence evidence,
                                      LocalDate proposedOn, String backdatingNote) implements HouseholdEvent {

    /** The proposal as published before its note existed. */
    public RiskEliminationProposed(String householdId, String regionCode, EliminationEvidence evidence,
                                   LocalDate proposedOn) {
        this(householdId, regionCode, evidence, proposedOn, null);
    }
}
