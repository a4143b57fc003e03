package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险消除 (县审定) — the county approved the elimination of the household's risk; look-back monitoring follows.
 *
 * @param evidence the facts the county approved on, checked again at approval; {@code null} in events published
 *                 before the evidence was part of the contract
 */
public record RiskEliminated(String householdId, String regionCode, List<RiskType> eliminatedRiskTypes,
                             LocalDate eliminatedOn, EliminationEvidence evidence) implements HouseholdEvent {
}
