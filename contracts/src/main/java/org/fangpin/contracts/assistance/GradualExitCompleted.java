package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 渐退期满 — the gradual-exit period of a safety-net measure is over; the measure has ended. */
public record GradualExitCompleted(String householdId, String regionCode, String measureId, LocalDate endedOn)
        implements HouseholdEvent {
}
