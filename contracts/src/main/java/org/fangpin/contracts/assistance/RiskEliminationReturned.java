package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ReviewLevel;

/** 风险消除退回 — the township or the county sent the proposal back with a reason; the village may propose again. */
public record RiskEliminationReturned(String householdId, String regionCode, ReviewLevel returnedBy, String reason,
                                      LocalDate returnedOn) implements HouseholdEvent {
}
