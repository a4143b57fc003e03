package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险消除村级申请 — the village proposed eliminating the household's risk; the criteria held on this evidence. */
public record RiskEliminationProposed(String householdId, String regionCode, EliminationEvidence evidence,
                                      LocalDate proposedOn) implements HouseholdEvent {
}
