package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 进入渐退期 — a safety-net measure is ending; it continues until the gradual-exit period is over. */
public record GradualExitStarted(String householdId, String regionCode, String measureId, LocalDate startedOn,
                                 LocalDate endsOn) implements HouseholdEvent {
}
