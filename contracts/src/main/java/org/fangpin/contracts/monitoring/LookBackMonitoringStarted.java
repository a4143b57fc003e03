package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 回头看 — the household's risk was eliminated; its monthly monitoring goes on as look-back monitoring. */
public record LookBackMonitoringStarted(String householdId, String regionCode, LocalDate startedOn)
        implements HouseholdEvent {
}
