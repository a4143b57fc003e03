package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LeadChannel;

/**
 * 线索合并 — a further lead about a household whose identification case is already open joined that case instead
 * of opening a second one.
 *
 * @param leadId the open case the lead joined
 */
public record LeadMerged(String householdId, String regionCode, String leadId, LeadChannel channel,
                         String description, LocalDate reportedOn) implements HouseholdEvent {
}
