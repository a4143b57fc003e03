package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ReviewLevel;

/** 风险回退退回 — the township or the county sent the rollback proposal back with a reason. */
public record RiskRollbackReturned(String householdId, String regionCode, ReviewLevel returnedBy, String reason,
                                   LocalDate returnedOn) implements HouseholdEvent {
}
