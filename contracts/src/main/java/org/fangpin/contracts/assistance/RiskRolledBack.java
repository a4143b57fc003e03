package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险消除回退 — the county approved undoing an elimination; the case is open again with its history. */
public record RiskRolledBack(String householdId, String regionCode, String reason, LocalDate rolledBackOn)
        implements HouseholdEvent {
}
