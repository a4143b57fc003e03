package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 乡镇审核通过 — the township reviewed the case and passed it to the county. */
public record TownshipApproved(String householdId, String regionCode, String leadId, String opinion,
                               LocalDate approvedOn) implements HouseholdEvent {
}
