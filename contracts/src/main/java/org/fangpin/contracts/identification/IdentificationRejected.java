package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 不予认定 — the county decided the household is not a monitoring object and recorded its judgement (研判结果). */
public record IdentificationRejected(String householdId, String regionCode, String leadId, String judgement,
                                     LocalDate rejectedOn) implements HouseholdEvent {
}
