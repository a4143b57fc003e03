package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 预警响应 — assistance answered a warning: with a new or changed measure ({@code measureId}) or a recorded reason
 * why no measure is needed ({@code reason}).
 */
public record WarningResponded(String householdId, String regionCode, String warningId, String measureId,
                               String reason, LocalDate respondedOn) implements HouseholdEvent {
}
