package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险消除 (县审定) — the county approved the elimination of the household's risk; look-back monitoring follows.
 *
 * @param eliminatedOn   the day the county approved (the business date; the criteria were judged as of it)
 * @param evidence       the facts the county approved on, checked again at approval; {@code null} in events
 *                       published before the evidence was part of the contract
 * @param backdatingNote why the step, dated more than the policy's allowance before it was recorded, is recorded only
 *                       now (补录说明); {@code null} for a step recorded in time, and in events published before it
 *                       existed
 */
public record RiskEliminated(String householdId, String regionCode, List<RiskType> eliminatedRiskTypes,
                             LocalDate eliminatedOn, EliminationEvidence evidence, String backdatingNote)
        implements HouseholdEvent {

    /** The elimination as published before its note existed. */
    public RiskEliminated(String householdId, String regionCode, List<RiskType> eliminatedRiskTypes,
                          LocalDate eliminatedOn, EliminationEvidence evidence) {
        this(householdId, regionCode, eliminatedRiskTypes, eliminatedOn, evidence, null);
    }
}
