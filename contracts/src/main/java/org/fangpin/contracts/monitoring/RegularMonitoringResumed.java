package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险消除回退 — the elimination was rolled back; look-back monitoring became regular monitoring again. */
public record RegularMonitoringResumed(String householdId, String regionCode, String reason, LocalDate resumedOn)
        implements HouseholdEvent {
}
