package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险消除乡镇核实 — the township verified the village's proposal; the county decides next. */
public record RiskEliminationVerified(String householdId, String regionCode, LocalDate verifiedOn)
        implements HouseholdEvent {
}
