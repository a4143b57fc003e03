package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 识别逾期 — a due date of an open identification case passed before its step was done; raised once per case and
 * deadline.
 *
 * @param deadline {@code VERIFICATION} (入户核实时限) or {@code DECISION} (识别认定时限)
 */
public record IdentificationOverdue(String householdId, String regionCode, String leadId, String deadline,
                                    LocalDate dueOn, LocalDate detectedOn) implements HouseholdEvent {
}
