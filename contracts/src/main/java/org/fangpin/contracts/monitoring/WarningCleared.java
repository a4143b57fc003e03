package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 预警解除 — the condition behind an open warning no longer holds. */
public record WarningCleared(String householdId, String regionCode, String warningId, String rule, String reason,
                             LocalDate clearedOn) implements HouseholdEvent {
}
