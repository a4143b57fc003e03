package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LeadChannel;

/** 线索上报 — a lead about a household came in through one of the discovery channels. */
public record LeadReported(String householdId, String regionCode, String leadId, LeadChannel channel,
                           String description, LocalDate reportedOn) implements HouseholdEvent {
}
