package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 乡镇审核退回 — the township returned the case to the village (verification and evaluation again), with why. */
public record TownshipReturned(String householdId, String regionCode, String leadId, String reason,
                               LocalDate returnedOn) implements HouseholdEvent {
}
