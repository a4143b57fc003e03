package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 县级退回 — the county returned the case to the township for another review, with why. */
public record CountyReturned(String householdId, String regionCode, String leadId, String reason,
                             LocalDate returnedOn) implements HouseholdEvent {
}
